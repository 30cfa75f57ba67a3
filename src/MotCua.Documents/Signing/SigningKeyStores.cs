
namespace MotCua.Documents.Signing;

/// <summary>The configured stores, asked in turn: PKCS#12 files first, then remote services.</summary>
public sealed class SigningKeyStores(IReadOnlyList<ISigningKeyStore> stores) : ISigningKeyStore
{
    public IReadOnlyCollection<string> KeyIds => [.. stores.SelectMany(s => s.KeyIds).Distinct()];

    public SigningKey? Find(string keyId) => stores.Select(s => s.Find(keyId)).FirstOrDefault(k => k is not null);
}

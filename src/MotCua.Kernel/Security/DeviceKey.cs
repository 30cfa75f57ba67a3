using System.Security.Cryptography;
using System.Text;

namespace MotCua.Kernel.Security;

/// <summary>
/// The key of a device registered by an administrator (a desk's rating tablet, a ticket kiosk, a display board): shown
/// once at registration; only its SHA-256 is kept, and a device proves itself by presenting the key.
/// </summary>
public static class DeviceKey
{
    /// <summary>A new random key (URL-safe) and the hash to keep.</summary>
    public static (string Key, string Hash) New()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return (key, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="key"/> is the one whose hash was kept, compared in constant time.</summary>
    public static bool Matches(string? key, string hash) =>
        key is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(hash));
}

using System.Security.Cryptography;

namespace MotCua.Kernel;

/// <summary>Keys for every entity: time-ordered Guid version 7, so that indexes stay compact.</summary>
public static class Ids
{
    /// <summary>The letters and digits of codes people read and type: no look-alikes (0/O, 1/I/L).</summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static Guid New() => Guid.CreateVersion7();

    /// <summary>
    /// A random code of <paramref name="length"/> characters of <see cref="CodeAlphabet"/>, from the cryptographic
    /// generator (about five bits each): verification codes, rating links, tracking codes nobody can guess.
    /// </summary>
    public static string NewCode(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }
    });
}

using System.Security.Cryptography;
using System.Text;

namespace Hospital.Domain.Identity;

/// <summary>Creating and hashing API key secrets.</summary>
public static class ApiKeySecret
{
    public const int PrefixLength = 8;

    /// <summary>A new random key: "hk_" + 40 URL-safe characters.</summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[30];
        RandomNumberGenerator.Fill(bytes);
        return "hk_" + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    public static string Hash(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];
}

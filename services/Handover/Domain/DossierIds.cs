using System.Security.Cryptography;
using System.Text;

namespace Uwv.Handover.Domain;

/// <summary>
/// Ids derived from a handover, so that a replayed event or a retried command lands on the same row:
/// the receiving division's dossier of a handover is always the same id.
/// </summary>
public static class DossierIds
{
    public static Guid ReceivingDossier(Guid handoverId) => Derive(handoverId, "receiving-dossier");

    public static Guid Transfer(Guid handoverId, long version) => Derive(handoverId, "transfer-" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Guid Derive(Guid source, string purpose)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(purpose.Length)];
        source.TryWriteBytes(input);
        var length = 16 + Encoding.UTF8.GetBytes(purpose, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..length], hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom, name-derived
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}

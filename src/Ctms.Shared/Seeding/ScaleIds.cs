using System.Buffers.Binary;

namespace Ctms.Shared.Seeding;

/// <summary>
/// Ids of generated rows, derived from tier, kind and index: the same plan always yields the same ids, so every module
/// writes rows that name each other correctly without reading each other's tables, and a re-run can find its own rows.
/// Printed: <c>5ca1e0KK-00TT-8000-IIII-IIIIIIIIIIII</c> (kind, tier, index in hex); the version nibble says 8 (custom).
/// </summary>
public static class ScaleIds
{
    public const byte Trial = 1;
    public const byte Arm = 2;
    public const byte ProtocolVersion = 3;
    public const byte VisitDefinition = 4;
    public const byte ConsentVersion = 5;
    public const byte Institution = 6;
    public const byte Irb = 7;
    public const byte Site = 8;
    public const byte Milestone = 9;
    public const byte Approval = 10;
    public const byte Decision = 11;
    public const byte Subject = 12;
    public const byte Visit = 13;
    public const byte AdverseEvent = 14;
    public const byte Deviation = 15;
    public const byte Consent = 16;

    public static Guid For(ScaleTier tier, byte kind, long index)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = 0x5c;
        bytes[1] = 0xa1;
        bytes[2] = 0xe0;
        bytes[3] = kind;
        bytes[5] = tier.Code;
        bytes[6] = 0x80;
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], index);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>True when <paramref name="id"/> was made by <see cref="For"/> (any tier, any kind).</summary>
    public static bool IsScaleId(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes[0] == 0x5c && bytes[1] == 0xa1 && bytes[2] == 0xe0;
    }
}

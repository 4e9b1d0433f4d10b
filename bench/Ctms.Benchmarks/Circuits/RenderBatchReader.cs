using System.Buffers.Binary;
using System.Text;

namespace Ctms.Benchmarks.Circuits;

/// <summary>
/// Reads just enough of Blazor Server's binary render batch (the format RenderBatchWriter writes and
/// blazor.web.js reads) to find an element's event handler: the reference frames and the string table.
/// Layout: the batch ends with five int32 offsets (updated components, reference frames, disposed component
/// ids, disposed event handler ids, string table); reference frames are an int32 count then 20-byte frames
/// (int32 type, then per type: an attribute has name and value string indexes and a uint64 handler id, an
/// element its subtree length and name index); strings are 7-bit-length-prefixed UTF-8, located by an int32
/// table of their offsets.
/// </summary>
internal static class RenderBatchReader
{
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;
    private const int FrameSize = 20;

    /// <summary>
    /// The handler id of <paramref name="eventName"/> (e.g. "onclick") on the element whose
    /// <c>data-testid</c> is <paramref name="testId"/>, if this batch renders that element; otherwise null.
    /// </summary>
    public static ulong? FindEventHandler(ReadOnlySpan<byte> batch, string testId, string eventName)
    {
        var framesAt = Int(batch, batch.Length - 16);
        var stringTable = Int(batch, batch.Length - 4);
        var count = Int(batch, framesAt);
        var matchesTestId = false;
        ulong handler = 0;
        for (var i = 0; i < count; i++)
        {
            var frame = framesAt + 4 + (i * FrameSize);
            switch (Int(batch, frame))
            {
                case ElementFrame:
                    if (matchesTestId && handler != 0)
                    {
                        return handler;
                    }

                    (matchesTestId, handler) = (false, 0);
                    break;
                case AttributeFrame:
                    var name = String(batch, stringTable, Int(batch, frame + 4));
                    if (name == "data-testid")
                    {
                        matchesTestId = String(batch, stringTable, Int(batch, frame + 8)) == testId;
                    }
                    else if (name == eventName)
                    {
                        handler = BinaryPrimitives.ReadUInt64LittleEndian(batch[(frame + 12)..]);
                    }

                    break;
                default:
                    // Attributes follow their element directly; any other frame ends the element's attributes.
                    if (matchesTestId && handler != 0)
                    {
                        return handler;
                    }

                    (matchesTestId, handler) = (false, 0);
                    break;
            }
        }

        return matchesTestId && handler != 0 ? handler : null;
    }

    private static int Int(ReadOnlySpan<byte> batch, int at) => BinaryPrimitives.ReadInt32LittleEndian(batch[at..]);

    private static string? String(ReadOnlySpan<byte> batch, int stringTable, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var at = Int(batch, stringTable + (4 * index));
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = batch[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return Encoding.UTF8.GetString(batch.Slice(at, length));
    }
}

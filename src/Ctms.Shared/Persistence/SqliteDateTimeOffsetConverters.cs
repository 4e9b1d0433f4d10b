using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ctms.Shared.Persistence;

/// <summary>UTC ticks as INTEGER: sortable and comparable in SQLite, and exact to the tick.</summary>
internal static class SqliteDateTimeOffsetConverters
{
    public static readonly ValueConverter NonNullable = new ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    public static readonly ValueConverter Nullable = new ValueConverter<DateTimeOffset?, long?>(
        v => v.HasValue ? v.Value.UtcTicks : null,
        v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
}

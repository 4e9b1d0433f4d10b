using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ctms.Shared.Audit;

/// <summary>What an audit entry records.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}

/// <summary>
/// One append-only audit entry of a module: who, when (UTC), what (entity, field, old value, new value) and why.
/// Entries form one hash chain per module: <see cref="Hash"/> = SHA-256 over the entry's content and
/// <see cref="PreviousHash"/>, and <see cref="Sequence"/> counts 1, 2, 3 … without gaps.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The previous hash of a module's first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry() { }

    /// <summary>
    /// An audit event that is not a field change of an entity (a sign-in, a role change, a signature, an export).
    /// Add it to the module's context with <see cref="AuditDbContextExtensions.AddAuditEvent"/>; the interceptor
    /// fills in who and when (unless given), and chains it.
    /// </summary>
    public static AuditEntry Event(string entityType, string entityId, string action, string? detail = null,
        string? userId = null, string? userName = null, string? reason = null, string? location = null) =>
        new()
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            NewValue = detail,
            UserId = userId ?? "",
            UserName = userName ?? "",
            Reason = reason,
            Location = location,
        };

    internal static AuditEntry Change(string entityType, string entityId, string action, string? field, string? oldValue, string? newValue, string? location) =>
        new()
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            Location = location,
        };

    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The user id, the OAuth client id, or "system" for background work.</summary>
    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The site the entry concerns, when there is one (ODM LocationRef).</summary>
    public string? Location { get; private set; }

    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal bool IsChained => Hash.Length > 0;

    internal void Chain(long sequence, DateTimeOffset at, string userId, string userName, string? reason, string previousHash)
    {
        Sequence = sequence;
        At = TruncateToMicroseconds(at.ToUniversalTime());
        if (UserId.Length == 0)
        {
            UserId = userId;
        }

        if (UserName.Length == 0)
        {
            UserName = userName;
        }

        Reason ??= reason;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    internal void Unchain()
    {
        Sequence = 0;
        PreviousHash = "";
        Hash = "";
    }

    /// <summary>The hash this entry should have, from its stored content.</summary>
    public string ComputeHash()
    {
        var builder = new StringBuilder();
        foreach (var part in new[]
                 {
                     Sequence.ToString(CultureInfo.InvariantCulture),
                     TruncateToMicroseconds(At.ToUniversalTime()).UtcTicks.ToString(CultureInfo.InvariantCulture),
                     UserId, UserName, EntityType, EntityId, Action, Field, OldValue, NewValue, Reason, Location, PreviousHash,
                 })
        {
            // Length-prefixed, with null distinct from empty, so no two contents give the same text.
            builder.Append(part is null ? "-1" : part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>PostgreSQL keeps microseconds; the hashed time must survive the round trip.</summary>
    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}

/// <summary>
/// The single row holding the end of a module's chain. Writers lock it (an UPDATE first) for the rest of their
/// transaction, so concurrent writers chain one after the other; verification also checks the tail against it.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AuditEntry.GenesisHash;
    public long Version { get; set; }
}

using System.Security.Claims;
using Ctms.Shared.Audit;
using Ctms.Shared.Persistence;
using Ctms.Shared.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ctms.UnitTests.Audit;

[Trait("Category", "AccessAudit")]
public sealed class AuditInterceptorTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero));
    private readonly CurrentUserAccessor _user = new();
    private readonly AuditReason _reason = new();

    public AuditInterceptorTests()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Creating_records_every_field_with_who_and_when_and_chains_the_entries()
    {
        _user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u-1"), new Claim(CtmsClaims.DisplayName, "Chloe Coordinator")], "test")));
        await using var db = NewContext();
        var id = Guid.NewGuid();
        db.Records.Add(new Record { Id = id, Name = "first", Secret = "s3cret", Stamp = "x" });
        await db.SaveChangesAsync();

        var entries = await db.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["Id", "Name", "Secret"], entries.Select(e => e.Field));
        Assert.All(entries, e =>
        {
            Assert.Equal("u-1", e.UserId);
            Assert.Equal("Chloe Coordinator", e.UserName);
            Assert.Equal(_clock.GetUtcNow(), e.At);
            Assert.Equal(AuditActions.Created, e.Action);
            Assert.Equal(id.ToString(), e.EntityId);
            Assert.Equal(nameof(Record), e.EntityType);
        });
        Assert.Equal("[redacted]", entries.Single(e => e.Field == "Secret").NewValue);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.All(entries, e => Assert.Equal(e.ComputeHash(), e.Hash));
        var head = await db.Set<AuditChainHead>().SingleAsync();
        Assert.Equal(3, head.LastSequence);
        Assert.Equal(entries[^1].Hash, head.LastHash);
    }

    [Fact]
    public async Task An_update_records_old_and_new_value_and_needs_a_reason_when_the_entity_says_so()
    {
        var id = Guid.NewGuid();
        await using (var db = NewContext())
        {
            db.Records.Add(new Record { Id = id, Name = "before" });
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var record = await db.Records.SingleAsync();
            record.Name = "after";
            await Assert.ThrowsAsync<AuditReasonRequiredException>(() => db.SaveChangesAsync());

            using (_reason.Use("typo in the name"))
            {
                await db.SaveChangesAsync();
            }
        }

        await using var check = NewContext();
        Assert.Equal("after", (await check.Records.SingleAsync()).Name);
        var update = await check.Set<AuditEntry>().SingleAsync(e => e.Action == AuditActions.Updated);
        Assert.Equal(("Name", "before", "after", "typo in the name", "system"), (update.Field, update.OldValue, update.NewValue, update.Reason, update.UserId));
    }

    [Fact]
    public async Task Entries_are_append_only_and_a_failed_save_writes_no_entry()
    {
        await using var db = NewContext();
        db.Records.Add(new Record { Id = Guid.NewGuid(), Name = "one" });
        await db.SaveChangesAsync();
        var entry = await db.Set<AuditEntry>().FirstAsync();
        db.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var duplicate = (await db.Records.AsNoTracking().SingleAsync()).Id;
        db.Records.Add(new Record { Id = duplicate, Name = "clash" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        Assert.Equal(2, await db.Set<AuditEntry>().CountAsync());
        Assert.Equal(2, (await db.Set<AuditChainHead>().SingleAsync()).LastSequence);
    }

    private TestContext NewContext() =>
        new(new DbContextOptionsBuilder<TestContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new AuditInterceptor(_user, _reason, _clock))
            .Options);

    internal sealed class Record : IRequiresReasonForChange
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string? Secret { get; set; }
        public string? Stamp { get; set; }
        public int Version { get; set; }

        IReadOnlyCollection<string> IAuditable.AuditIgnoredProperties => [nameof(Stamp)];
        IReadOnlyCollection<string> IAuditable.AuditRedactedProperties => [nameof(Secret)];
    }

    internal sealed class TestContext(DbContextOptions<TestContext> options) : DbContext(options), IModuleDbContext
    {
        public string Schema => "test";
        public DbSet<Record> Records => Set<Record>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Record>(b => b.Property(r => r.Version).IsConcurrencyToken());
            modelBuilder.ApplyModuleConventions("test", isSqlite: true);
        }
    }
}

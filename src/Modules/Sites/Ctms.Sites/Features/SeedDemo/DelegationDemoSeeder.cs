using Ctms.Identity.Contracts;
using Ctms.Shared.Demo;
using Ctms.Shared.Signatures;
using Ctms.Shared.Time;
using Ctms.Sites.Domain;
using Ctms.Sites.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Ctms.Sites.Features.SeedDemo;

/// <summary>
/// The demo site staff on each site's delegation log, signed by the site's PI, with GCP training current, so the demo
/// coordinators and investigator may consent, assess eligibility, enroll and run visits. Runs after the Identity seed
/// (it needs the user ids). The seeded signatures say "(demo seed)": nobody signed them in this system.
/// </summary>
internal sealed class DelegationDemoSeeder(SitesDbContext db, IIdentityQueries people, IConfiguration configuration, TimeProvider clock) : IDemoSeeder
{
    public int Order => 45;

    private static readonly (Guid Site, string Email, string Role, string Pi)[] Staff =
    [
        (DemoIds.SiteOncologySeoul, "coordinator@demo.ctms", "study coordinator", "Dr. Kim Min-jun"),
        (DemoIds.SiteOncologySeoul, "investigator@demo.ctms", "principal investigator", "Dr. Kim Min-jun"),
        (DemoIds.SiteCardiologySeoul, "coordinator@demo.ctms", "study coordinator", "Dr. Lee Seo-yeon"),
        (DemoIds.SiteOncologyBusan, "coordinator.busan@demo.ctms", "study coordinator", "Dr. Park Ji-woo"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Seed:DemoDelegations=false leaves the logs empty (tests of the delegation log itself start from nothing).
        var siteIds = Staff.Select(s => s.Site).Distinct().ToList();
        if (string.Equals(configuration["Seed:DemoDelegations"], "false", StringComparison.OrdinalIgnoreCase) || await db.Staff.AnyAsync(cancellationToken) || await db.Sites.CountAsync(s => siteIds.Contains(s.Id), cancellationToken) != siteIds.Count)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        foreach (var (site, email, role, pi) in Staff)
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is not { } person)
            {
                continue;
            }

            var member = new StaffMember(Guid.NewGuid(), site, person.UserId, person.Email, person.DisplayName, role, today.AddYears(2));
            var entry = new DelegationEntry(Guid.NewGuid(), site, member.Id, member.UserId, Responsibility.All, today.AddDays(-30), now);
            entry.Sign(new SignatureManifestation(Guid.NewGuid(), "demo-seed", $"{pi} (demo seed)", now, SignatureMeaning.Responsibility,
                SignatureHash.Of(entry.SignedContent())));
            db.Staff.Add(member);
            db.Delegations.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

using Ctms.Shared.Results;
using Ctms.Shared.Audit;

namespace Ctms.Trials.Domain;

internal sealed class Trial : IAuditable
{
    public const int DefaultSaeReportingHours = 24;

    private Trial() { }

    public Trial(Guid id, string tenantId, string protocolNumber, string title, string phase, int targetEnrollment, DateTimeOffset registeredAt)
    {
        if (targetEnrollment <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetEnrollment), "A trial's target enrollment must be positive.");
        }

        Id = id;
        TenantId = tenantId;
        ProtocolNumber = protocolNumber;
        Title = title;
        Phase = phase;
        TargetEnrollment = targetEnrollment;
        Status = TrialStatus.InReview;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; } = "";
    public string ProtocolNumber { get; private set; } = "";
    public string? RegistryId { get; private set; }
    public string Title { get; private set; } = "";
    public string Phase { get; private set; } = "";
    public string TherapeuticArea { get; private set; } = "";
    public string Status { get; private set; } = TrialStatus.InReview;
    public int TargetEnrollment { get; private set; }
    public bool AllowOverEnrollment { get; private set; }
    public string DayCountingConvention { get; private set; } = DayCounting.Day1;
    public int SaeReportingHours { get; private set; } = DefaultSaeReportingHours;
    public DateTimeOffset RegisteredAt { get; private set; }
    public List<TrialArm> Arms { get; private set; } = [];
    public int Version { get; private set; }

    public void Describe(string protocolNumber, string? registryId, string title, string phase, string therapeuticArea, int targetEnrollment,
        string dayCounting, int saeReportingHours, bool allowOverEnrollment, IEnumerable<(string Name, string Type, int Ratio)> arms)
    {
        ProtocolNumber = protocolNumber;
        RegistryId = string.IsNullOrWhiteSpace(registryId) ? null : registryId.Trim();
        Title = title;
        Phase = phase;
        TherapeuticArea = therapeuticArea;
        TargetEnrollment = targetEnrollment;
        DayCountingConvention = dayCounting;
        SaeReportingHours = saeReportingHours;
        AllowOverEnrollment = allowOverEnrollment;
        Arms.Clear();
        var order = 0;
        foreach (var (name, type, ratio) in arms)
        {
            Arms.Add(new TrialArm(Guid.NewGuid(), Id, ++order, name, type, ratio));
        }

        Version++;
    }

    /// <summary>Moves along the transition table; anything else is refused with the allowed moves named.</summary>
    public Error? ChangeStatus(string newStatus)
    {
        if (!TrialStatus.CanMove(Status, newStatus))
        {
            var allowed = TrialStatus.AllowedFrom(Status);
            return Error.Rule("illegal-status-transition", allowed.Count == 0
                ? $"A trial that is '{Status}' cannot change status any more."
                : $"A trial that is '{Status}' cannot become '{newStatus}'; it can become {string.Join(", ", allowed.Select(a => $"'{a}'"))}.");
        }

        Status = newStatus;
        Version++;
        return null;
    }

    /// <summary>Demo seeding starts trials active, skipping the review steps.</summary>
    public void Activate()
    {
        Status = TrialStatus.Active;
        Version++;
    }
}

/// <summary>A FHIR ResearchStudy.arm: name, type and allocation ratio (e.g. 2:1 is two arms with 2 and 1).</summary>
internal sealed class TrialArm : IAuditable
{
    private TrialArm() { }

    public TrialArm(Guid id, Guid trialId, int order, string name, string type, int allocationRatio)
    {
        Id = id;
        TrialId = trialId;
        Order = order;
        Name = name;
        Type = type;
        AllocationRatio = allocationRatio;
    }

    public Guid Id { get; private set; }
    public Guid TrialId { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; } = "";
    public string Type { get; private set; } = "";
    public int AllocationRatio { get; private set; }
}

namespace Ctms.Reporting.Domain;

/// <summary>
/// A background export of one trial, stored so that it outlives the instance that runs it: any instance's worker may
/// claim it (a lease), and the requester polls and downloads it from any instance until it expires.
/// </summary>
internal sealed class ExportJob
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    private ExportJob() { }

    public ExportJob(Guid trialId, string format, string requestedBy, string tenantId, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        TrialId = trialId;
        Format = format;
        RequestedBy = requestedBy;
        TenantId = tenantId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid TrialId { get; private set; }
    public string Format { get; private set; } = "";

    /// <summary>The user id of the requester: the only person who sees the job and its file.</summary>
    public string RequestedBy { get; private set; } = "";

    /// <summary>The requester's sponsor organisation at the time; a user of another tenant never gets the job.</summary>
    public string TenantId { get; private set; } = "";

    public string Status { get; private set; } = Queued;
    public double Progress { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>After this the job and its file are gone (finished + the configured retention).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>The worker instance holding the job while it runs, until <see cref="LeaseUntil"/> unless renewed.</summary>
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>How many times a worker claimed the job (more than one: an instance died while running it).</summary>
    public int Attempts { get; private set; }

    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? SizeBytes { get; private set; }
}

/// <summary>The produced file of a finished job, apart from the job so that polling never loads it.</summary>
internal sealed class ExportFile
{
    private ExportFile() { }

    public ExportFile(Guid jobId, byte[] content)
    {
        JobId = jobId;
        Content = content;
    }

    public Guid JobId { get; private set; }
    public byte[] Content { get; private set; } = [];
}

using System.Text.Json;

namespace Ctms.SiteAgent;

/// <summary>The enqueue commands: a message of docs/messaging.md built from options, checked only for presence (the central validates).</summary>
internal static class Commands
{
    public static LocalStore.Pending? ToMessage(string command, AgentSettings o) => command switch
    {
        "screen" => new("SubjectScreened", null, new { screenedOn = o.Require("date"), screeningRef = o.Require("ref") }),
        "consent" => new("ConsentSigned", o.Require("subject"), new { consentVersionId = o.Require("consent-version"), signedOn = o.Require("date") }),
        "enroll" => new("EnrollmentRequested", o.Require("subject"),
            new { stratificationFactors = JsonSerializer.Deserialize<Dictionary<string, string>>(o.Get("factors") ?? "{}") }),
        "visit" => new("VisitOccurred", o.Require("subject"), new { visitName = o.Require("visit"), occurredOn = o.Require("date"), outOfWindowReason = o.Get("reason") }),
        "missed" => new("VisitMissed", o.Require("subject"), new { visitName = o.Require("visit"), reason = o.Require("reason") }),
        "ae" => new("AdverseEventReported", o.Require("subject"), new
        {
            term = o.Require("term"),
            onsetOn = o.Require("onset"),
            severity = o.Require("severity"),
            causality = o.Require("causality"),
            seriousnessCriteria = (o.Get("serious") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            awareAt = o.Require("aware-at"),
        }),
        "deviation" => new("DeviationReported", o.Get("subject"), new
        {
            category = o.Require("category"),
            severity = o.Require("severity"),
            description = o.Require("description"),
            occurredOn = o.Require("date"),
            identifiedOn = o.Get("identified") ?? o.Require("date"),
        }),
        "withdraw" => new("SubjectWithdrawn", o.Require("subject"), new { reason = o.Require("reason"), withdrawnOn = o.Require("date") }),
        "send" => new(o.Require("type"), o.Get("subject"), JsonSerializer.Deserialize<JsonElement>(o.Require("body"))),
        _ => null,
    };
}

internal static class Usage
{
    public const string Text = """
        ctms-site: the Ctms site agent (store-and-forward to the central over RabbitMQ; docs/site-agent.md)

          ctms-site run        [--drop FOLDER]   forward pending messages, receive answers and central updates
          ctms-site status                       pending / forwarded / accepted / rejected (with reasons), schedules, approvals
          ctms-site import     --folder FOLDER   enqueue the CSV files of a folder once
          ctms-site screen     --date D --ref LOCALREF
          ctms-site consent    --subject S --consent-version ID --date D
          ctms-site enroll     --subject S [--factors '{"sex":"F"}']
          ctms-site visit      --subject S --visit NAME --date D [--reason WHY-OUT-OF-WINDOW]
          ctms-site missed     --subject S --visit NAME --reason WHY
          ctms-site ae         --subject S --term T --onset D --severity mild --causality possible [--serious hospitalisation,...] --aware-at 2026-11-28T09:00:00Z
          ctms-site deviation  [--subject S] --category procedure --severity minor --description TEXT --date D [--identified D]
          ctms-site withdraw   --subject S --reason WHY --date D
          ctms-site send       --type TYPE [--subject S] --body JSON

        Common options (or environment CTMS_SITE_<NAME>): --store FILE (ctms-site.db), --code SITE, --entered-by EMAIL,
        --host (127.0.0.1), --port (5672), --vhost (/), --password (the site's RabbitMQ password).
        """;
}

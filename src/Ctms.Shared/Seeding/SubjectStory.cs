using Bogus;

namespace Ctms.Shared.Seeding;

/// <summary>
/// Draws one subject's course: about 25% screen failures (with the criteria they failed), 3% still in screening, the rest
/// enrolled and randomized; 9% of those withdraw; visits before today mostly occurred (4% of them out of window, each
/// with a reason and a visit-window deviation), 5% missed, 4% overdue; manual deviations (30% major); adverse events
/// (8% serious, 10% of those reported after the deadline); subjects past their last visit have completed.
/// </summary>
internal sealed class SubjectStory(ScalePlan plan, PlannedTrial trial, PlannedSite site, Random random, Faker faker, long index, int sequence, DateOnly screenedOn)
{
    private readonly DateOnly _today = plan.Today;

    private Guid Id(byte kind, long n) => ScaleIds.For(plan.Tier, kind, n);

    private static DateTimeOffset At(DateOnly day, int minutes) => new(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes), TimeSpan.Zero);

    private DateOnly Between(DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    public PlannedSubject Build()
    {
        var number = $"{site.Code}-{sequence:D3}";
        var gender = random.Next(2) == 0 ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
        var subject = new PlannedSubject(Id(ScaleIds.Subject, index), trial.Id, site.Id, number, sequence, "screening", At(screenedOn, 540 + random.Next(420)),
            screenedOn, screenedOn)
        {
            Index = index,
            FullName = faker.Name.FullName(gender),
            BirthDate = screenedOn.AddDays(-random.Next(19 * 365, 80 * 365)),
            Contact = faker.Phone.PhoneNumber("010-####-####"),
        };

        var assessedOn = screenedOn.AddDays(random.Next(3, 15));
        var roll = random.NextDouble();
        if (assessedOn > _today || roll < 0.03)
        {
            return subject;
        }

        if (roll < 0.28)
        {
            return subject with
            {
                Status = "ineligible",
                StatusAt = At(assessedOn, 600),
                Eligible = false,
                EligibilityAssessedOn = assessedOn,
                ScreenFailReasons = FailedCriteria(),
            };
        }

        return Enrolled(subject, assessedOn);
    }

    private List<string> FailedCriteria()
    {
        var all = trial.Inclusion.Select(c => $"Inclusion not met: {c}").Concat(trial.Exclusion.Select(c => $"Exclusion applies: {c}")).ToList();
        var first = random.Next(all.Count);
        var reasons = new List<string> { all[first] };
        if (random.NextDouble() < 0.2)
        {
            var second = (first + 1 + random.Next(all.Count - 1)) % all.Count;
            reasons.Add(all[second]);
        }

        return reasons;
    }

    private PlannedSubject Enrolled(PlannedSubject subject, DateOnly anchor)
    {
        var enrolledAt = At(anchor, 480 + random.Next(480));
        var arm = trial.Arms[random.Next(trial.Arms.Count)];
        DateOnly? withdrawnOn = random.NextDouble() < 0.09 ? anchor.AddDays(random.Next(20, 400)) : null;
        if (withdrawnOn >= _today)
        {
            withdrawnOn = null;
        }

        var visits = Visits(subject, anchor, withdrawnOn);
        var deviations = visits.Where(v => v.OutOfWindow).Select((v, k) => new PlannedDeviation(Id(ScaleIds.Deviation, index * 64 + k), "visit-window", "minor",
                $"{v.Name} on {v.Actual:yyyy-MM-dd}, outside its window {v.Earliest:yyyy-MM-dd} – {v.Latest:yyyy-MM-dd}: {v.Reason}", v.Actual!.Value, v.Actual!.Value,
                "rule", v.Id, At(v.Actual!.Value, 900)))
            .ToList();
        var onStudyUntil = withdrawnOn ?? Min(_today, visits[^1].Actual ?? visits[^1].Latest);
        if (random.NextDouble() < 0.22 && onStudyUntil > anchor)
        {
            var (category, description) = ScaleVocabulary.ManualDeviations[random.Next(ScaleVocabulary.ManualDeviations.Length)];
            var occurred = Between(anchor, onStudyUntil);
            var identified = Min(_today, occurred.AddDays(random.Next(15)));
            deviations.Add(new PlannedDeviation(Id(ScaleIds.Deviation, index * 64 + 63), category, random.NextDouble() < 0.3 ? "major" : "minor", description,
                occurred, identified, "manual", null, At(identified, 840)));
        }

        var lastOpen = visits.Any(v => v.Status == "planned");
        DateOnly? completedOn = withdrawnOn is null && !lastOpen ? visits.Where(v => v.Status != "not-applicable").Max(v => v.Actual ?? v.Planned) : null;
        var status = withdrawnOn is not null ? "withdrawn" : completedOn is not null ? "off-study" : "on-study";
        var statusDay = withdrawnOn ?? completedOn ?? anchor;
        return subject with
        {
            Status = status,
            StatusAt = At(statusDay, 700 + random.Next(200)),
            Eligible = true,
            EligibilityAssessedOn = anchor,
            EnrolledAt = enrolledAt,
            AnchorDate = anchor,
            Arm = arm,
            WithdrawnOn = withdrawnOn,
            WithdrawalReason = withdrawnOn is null ? null : ScaleVocabulary.WithdrawalReasons[random.Next(ScaleVocabulary.WithdrawalReasons.Length)],
            CompletedOn = completedOn,
            Visits = visits,
            Deviations = deviations,
            AdverseEvents = AdverseEvents(anchor, onStudyUntil),
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private List<PlannedVisit> Visits(PlannedSubject subject, DateOnly anchor, DateOnly? withdrawnOn)
    {
        var visits = new List<PlannedVisit>(plan.Schedule.Count);
        foreach (var definition in plan.Schedule)
        {
            var planned = anchor.AddDays(definition.TargetDay > 0 ? definition.TargetDay - 1 : definition.TargetDay);
            var earliest = planned.AddDays(-definition.WindowBefore);
            var latest = planned.AddDays(definition.WindowAfter);
            var id = Id(ScaleIds.Visit, index * 64 + definition.Order);
            PlannedVisit Visit(string status, DateOnly? actual = null, bool outOfWindow = false, string? reason = null) =>
                new(id, definition.Order, definition.Name, planned, earliest, latest, status, actual, outOfWindow, reason);

            if (definition.Order == 1)
            {
                visits.Add(Visit("occurred", subject.ScreenedOn));
            }
            else if (definition.Order == 2)
            {
                visits.Add(Visit("occurred", anchor));
            }
            else if (withdrawnOn is { } withdrawn && planned > withdrawn)
            {
                visits.Add(Visit("not-applicable"));
            }
            else if (latest < _today)
            {
                var roll = random.NextDouble();
                visits.Add(roll switch
                {
                    < 0.04 => Visit("occurred", Min(_today.AddDays(-1), latest.AddDays(random.Next(1, 7))), true,
                        ScaleVocabulary.OutOfWindowReasons[random.Next(ScaleVocabulary.OutOfWindowReasons.Length)]),
                    < 0.91 => Visit("occurred", Between(earliest, latest)),
                    < 0.96 => Visit("missed", reason: ScaleVocabulary.MissedReasons[random.Next(ScaleVocabulary.MissedReasons.Length)]),
                    _ => Visit("planned"),
                });
            }
            else if (earliest <= _today && random.NextDouble() < 0.4)
            {
                visits.Add(Visit("occurred", Between(earliest, _today)));
            }
            else
            {
                visits.Add(Visit("planned"));
            }
        }

        return visits;
    }

    private List<PlannedAdverseEvent> AdverseEvents(DateOnly anchor, DateOnly until)
    {
        var events = new List<PlannedAdverseEvent>();
        var latestOnset = Min(until, _today.AddDays(-5));
        for (var k = 0; k < 4 && latestOnset > anchor && random.NextDouble() < 0.55; k++)
        {
            var onset = Between(anchor, latestOnset);
            var aware = At(onset.AddDays(random.Next(3)), 480 + random.Next(600));
            var serious = random.NextDouble() < 0.08;
            DateTimeOffset? due = serious ? aware.AddHours(trial.SaeReportingHours) : null;
            var reported = serious && random.NextDouble() < 0.10 ? aware.AddHours(random.Next(26, 120)) : aware.AddHours(random.Next(1, 22));
            events.Add(new PlannedAdverseEvent(Id(ScaleIds.AdverseEvent, index * 16 + k),
                ScaleVocabulary.AdverseEventTerms[random.Next(ScaleVocabulary.AdverseEventTerms.Length)], onset,
                serious ? "severe" : ScaleVocabulary.Severities[random.Next(ScaleVocabulary.Severities.Length)],
                ScaleVocabulary.Causalities[random.Next(ScaleVocabulary.Causalities.Length)],
                serious ? [ScaleVocabulary.SeriousnessCriteria[random.Next(ScaleVocabulary.SeriousnessCriteria.Length)]] : [],
                aware, due, reported));
        }

        return events;
    }
}

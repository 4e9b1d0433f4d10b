using Ctms.Shared.Results;

namespace Ctms.Trials.Domain.Schedule;

/// <summary>
/// Validation of a schedule of assessments. Each error names the row at fault as its field
/// (<c>Visits[2].AnchorVisit</c>), so the editor shows it beside that row.
/// </summary>
internal static class ScheduleRules
{
    public static string Field(int row, string property) => $"Visits[{row}].{property}";

    public static IReadOnlyList<Error> Validate(IReadOnlyList<string> procedures, IReadOnlyList<VisitSpec> visits, string dayCounting)
    {
        var errors = new List<Error>();
        var procedureSet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < procedures.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(procedures[i]))
            {
                errors.Add(Error.Validation($"Procedures[{i}]", "Name the procedure."));
            }
            else if (!procedureSet.Add(procedures[i].Trim()))
            {
                errors.Add(Error.Validation($"Procedures[{i}]", $"The procedure '{procedures[i].Trim()}' is listed twice."));
            }
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < visits.Count; i++)
        {
            var v = visits[i];
            var name = v.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                errors.Add(Error.Validation(Field(i, "Name"), "Name the visit."));
            }
            else if (!names.TryAdd(name, i))
            {
                errors.Add(Error.Validation(Field(i, "Name"), $"The visit name '{name}' is already used in row {names[name] + 1}; names must be unique."));
            }

            if (!VisitType.All.Contains(v.Type))
            {
                errors.Add(Error.Validation(Field(i, "Type"), $"The visit type must be one of {string.Join(", ", VisitType.All)}."));
            }

            if (v.WindowBefore < 0)
            {
                errors.Add(Error.Validation(Field(i, "WindowBefore"), "The window before the target cannot be negative."));
            }

            if (v.WindowAfter < 0)
            {
                errors.Add(Error.Validation(Field(i, "WindowAfter"), "The window after the target cannot be negative."));
            }

            if (v.IsPlanned && v.TargetDay == 0 && dayCounting == DayCounting.Day1)
            {
                errors.Add(Error.Validation(Field(i, "TargetDay"), "There is no Day 0 in this trial: the anchor date is Day 1 (Day -1 is the day before)."));
            }

            foreach (var p in v.Procedures.Where(p => !procedureSet.Contains(p.Trim())))
            {
                errors.Add(Error.Validation(Field(i, "Procedures"), $"The procedure '{p}' is not in the schedule's procedure list."));
            }
        }

        for (var i = 0; i < visits.Count; i++)
        {
            var v = visits[i];
            if (!v.IsPlanned)
            {
                continue;
            }

            switch (v.Anchor)
            {
                case VisitAnchor.Baseline:
                    break;
                case VisitAnchor.Previous when PreviousScheduled(visits, i) < 0:
                    errors.Add(Error.Validation(Field(i, "Anchor"), "The first scheduled visit has no previous visit to anchor to."));
                    break;
                case VisitAnchor.Previous:
                    break;
                case VisitAnchor.Visit when string.IsNullOrWhiteSpace(v.AnchorVisit):
                    errors.Add(Error.Validation(Field(i, "AnchorVisit"), "Name the visit this one is anchored to."));
                    break;
                case VisitAnchor.Visit when !names.TryGetValue(v.AnchorVisit!.Trim(), out var target):
                    errors.Add(Error.Validation(Field(i, "AnchorVisit"), $"There is no visit named '{v.AnchorVisit}' to anchor to."));
                    break;
                case VisitAnchor.Visit when !visits[names[v.AnchorVisit!.Trim()]].IsPlanned:
                    errors.Add(Error.Validation(Field(i, "AnchorVisit"), $"'{v.AnchorVisit}' is not a scheduled visit, so it has no date to anchor to."));
                    break;
                case VisitAnchor.Visit:
                    break;
                default:
                    errors.Add(Error.Validation(Field(i, "Anchor"), $"The anchor must be one of {string.Join(", ", VisitAnchor.All)}."));
                    break;
            }
        }

        if (errors.Count == 0)
        {
            foreach (var row in FindCycle(visits))
            {
                errors.Add(Error.Validation(Field(row, "Anchor"),
                    $"'{visits[row].Name}' is part of an anchor cycle ({string.Join(" → ", FindCycle(visits).Select(r => visits[r].Name))}); a visit cannot depend on itself."));
            }
        }

        return errors;
    }

    /// <summary>The row of the scheduled visit before <paramref name="row"/>, or -1.</summary>
    public static int PreviousScheduled(IReadOnlyList<VisitSpec> visits, int row)
    {
        for (var j = row - 1; j >= 0; j--)
        {
            if (visits[j].IsPlanned)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The row each scheduled visit is anchored to (-1 for baseline); assumes the anchors resolve.</summary>
    public static int AnchorRow(IReadOnlyList<VisitSpec> visits, int row)
    {
        var v = visits[row];
        return v.Anchor switch
        {
            VisitAnchor.Previous => PreviousScheduled(visits, row),
            VisitAnchor.Visit => IndexOf(visits, v.AnchorVisit!),
            _ => -1,
        };
    }

    private static int IndexOf(IReadOnlyList<VisitSpec> visits, string name)
    {
        for (var i = 0; i < visits.Count; i++)
        {
            if (string.Equals(visits[i].Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The rows of the first anchor cycle found, in order, or none.</summary>
    private static List<int> FindCycle(IReadOnlyList<VisitSpec> visits)
    {
        for (var start = 0; start < visits.Count; start++)
        {
            if (!visits[start].IsPlanned)
            {
                continue;
            }

            var path = new List<int>();
            var current = start;
            while (current >= 0 && visits[current].IsPlanned)
            {
                var at = path.IndexOf(current);
                if (at >= 0)
                {
                    return path.Skip(at).ToList();
                }

                path.Add(current);
                current = AnchorRow(visits, current);
            }
        }

        return [];
    }
}

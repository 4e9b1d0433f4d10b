using System.Text.RegularExpressions;
using Ctms.Trials.Domain;
using FluentValidation;

namespace Ctms.Trials.Features.RegisterTrial;

internal sealed record ArmInput(string Name, string Type, int AllocationRatio);

/// <summary>The descriptive fields of a trial, as registered and as edited.</summary>
internal sealed record TrialDetailsInput(
    string ProtocolNumber,
    string? RegistryId,
    string Title,
    string Phase,
    string TherapeuticArea,
    int TargetEnrollment,
    string DayCountingConvention,
    int SaeReportingHours,
    bool AllowOverEnrollment,
    IReadOnlyList<ArmInput> Arms);

internal sealed partial class TrialDetailsValidator : AbstractValidator<TrialDetailsInput>
{
    public TrialDetailsValidator()
    {
        RuleFor(d => d.ProtocolNumber).NotEmpty().WithMessage("Enter the sponsor protocol number.")
            .MaximumLength(60).WithMessage("The protocol number is at most 60 characters.");
        RuleFor(d => d.RegistryId).Must(id => string.IsNullOrWhiteSpace(id) || RegistryPattern().IsMatch(id.Trim()))
            .WithMessage("A registry id is NCT followed by 8 digits (ClinicalTrials.gov) or KCT followed by 7 digits (CRIS).");
        RuleFor(d => d.Title).NotEmpty().WithMessage("Enter the trial's title.").MaximumLength(500);
        RuleFor(d => d.Phase).Must(p => TrialPhase.All.Contains(p)).WithMessage($"Choose a phase: {string.Join(", ", TrialPhase.All)}.");
        RuleFor(d => d.TherapeuticArea).NotEmpty().WithMessage("Enter the therapeutic area.").MaximumLength(200);
        RuleFor(d => d.TargetEnrollment).GreaterThan(0).WithMessage("The overall target enrollment must be at least 1.");
        RuleFor(d => d.DayCountingConvention).Must(c => DayCounting.All.Contains(c)).WithMessage("Choose Day 1 or Day 0 as the anchor day.");
        RuleFor(d => d.SaeReportingHours).InclusiveBetween(1, 24 * 15).WithMessage("The SAE reporting deadline is between 1 hour and 15 days.");
        RuleFor(d => d.Arms).NotEmpty().WithMessage("A trial has at least one arm.");
        RuleForEach(d => d.Arms).ChildRules(arm =>
        {
            arm.RuleFor(a => a.Name).NotEmpty().WithMessage("Name the arm.").MaximumLength(200);
            arm.RuleFor(a => a.Type).Must(t => ArmTypes.All.Contains(t)).WithMessage($"Choose an arm type: {string.Join(", ", ArmTypes.All)}.");
            arm.RuleFor(a => a.AllocationRatio).InclusiveBetween(1, 20).WithMessage("An allocation ratio is 1 to 20.");
        });
        RuleFor(d => d.Arms).Must(arms => arms.Select(a => a.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == arms.Count)
            .WithMessage("Arm names must be unique.");
    }

    [GeneratedRegex(@"^(NCT\d{8}|KCT\d{7})$")]
    public static partial Regex RegistryPattern();
}

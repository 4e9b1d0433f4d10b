using System.Globalization;
using Ctms.Shared.Results;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ctms.Subjects.Features.SubjectPage.Dialogs;

/// <summary>
/// What every subject action dialog shares: the subject it acts on, the field-level errors of the last attempt (each
/// shown under its input, the rest above the buttons), and closing with a message for the page's snackbar.
/// </summary>
public abstract class SubjectDialogBase : ComponentBase
{
    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public Guid SiteId { get; set; }

    [Parameter, EditorRequired] public string SubjectNumber { get; set; } = "";

    protected IReadOnlyList<Error> Errors { get; private set; } = [];

    protected bool Busy { get; private set; }

    protected static string TodayText => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected string? FieldError(string field) =>
        Errors.FirstOrDefault(e => e.Field is { } f && (string.Equals(f, field, StringComparison.OrdinalIgnoreCase) ||
                                                      f.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase) ||
                                                      f.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)))?.Message;

    protected bool HasError(string field) => FieldError(field) is not null;

    /// <summary>Errors no input shows (domain refusals): listed above the buttons.</summary>
    protected IEnumerable<string> OtherErrors => Errors.Where(e => e.Field is null).Select(e => e.Message);

    /// <summary>A yyyy-MM-dd input, or a field error when it is not a date.</summary>
    protected static DateOnly? ParseDate(string? text, string field, List<Error> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(Error.Validation(field, "Enter a date (yyyy-mm-dd)."));
        return null;
    }

    protected void ShowErrors(IReadOnlyList<Error> errors)
    {
        Errors = errors;
        StateHasChanged();
    }

    protected async Task SubmitAsync<T>(Func<Task<Result<T>>> send, Func<T, string> done)
    {
        Busy = true;
        try
        {
            var result = await send();
            if (result.IsSuccess)
            {
                Dialog.Close(DialogResult.Ok(done(result.Value)));
                return;
            }

            Errors = result.Errors;
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();
}

using Ctms.Shared.Results;
using Microsoft.AspNetCore.Http;

namespace Ctms.Shared.Web;

public static class ResultHttpExtensions
{
    /// <summary>
    /// A success becomes <paramref name="onSuccess"/>; a failure becomes RFC 7807 problem details:
    /// 400 with field errors for validation, 403, 404, 412 for a stale If-Match, and 409 for a refusal by the current state.
    /// </summary>
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess)
    {
        if (result.IsSuccess)
        {
            return onSuccess(result.Value);
        }

        var errors = result.Errors;
        if (errors.All(e => e.Code == "validation"))
        {
            return Microsoft.AspNetCore.Http.Results.ValidationProblem(
                errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The request is not valid.");
        }

        var status = errors[0].Code switch
        {
            "forbidden" => StatusCodes.Status403Forbidden,
            "not-found" => StatusCodes.Status404NotFound,
            "precondition-failed" => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status409Conflict,
        };
        return Microsoft.AspNetCore.Http.Results.Problem(
            detail: result.Describe(),
            statusCode: status,
            title: status switch { 403 => "Forbidden", 404 => "Not found", 412 => "Precondition failed", _ => "Refused" },
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { e.Code, e.Message, e.Field }).ToArray() });
    }
}

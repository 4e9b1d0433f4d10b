using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ctms.Shared.Web;

/// <summary>
/// Strong ETags from an aggregate's concurrency version, and the If-Match rules of updates: a missing header is 428
/// (the client must say which version it edits, so no update is ever blind), a stale one 412. Both are problem details.
/// </summary>
public static class ETags
{
    public static string For(int version) => $"\"v{version}\"";

    /// <summary>The version an If-Match header names, or a 428/412 problem to return instead.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out int version, out IResult? problem)
    {
        version = 0;
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0)
        {
            problem = Microsoft.AspNetCore.Http.Results.Problem(
                title: "Precondition required",
                detail: "Send If-Match with the ETag of the version you edit (GET the resource first).",
                statusCode: StatusCodes.Status428PreconditionRequired);
            return false;
        }

        if (header.StartsWith("\"v", StringComparison.Ordinal) && header.EndsWith('"') &&
            int.TryParse(header.AsSpan(2, header.Length - 3), out version))
        {
            problem = null;
            return true;
        }

        problem = Stale();
        return false;
    }

    public static IResult Stale() => Microsoft.AspNetCore.Http.Results.Problem(
        title: "Precondition failed",
        detail: "The resource changed since you read it (If-Match does not name its current version). GET it again and reapply your change.",
        statusCode: StatusCodes.Status412PreconditionFailed);

    /// <summary>200 with the body and its ETag; 304 when If-None-Match already names that version.</summary>
    public static IResult OkWithETag<T>(HttpContext http, T body, int version)
    {
        var etag = For(version);
        http.Response.Headers.ETag = etag;
        return http.Request.Headers.IfNoneMatch.ToString() == etag
            ? Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status304NotModified)
            : Microsoft.AspNetCore.Http.Results.Ok(body);
    }
}

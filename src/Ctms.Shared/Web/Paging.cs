using Microsoft.AspNetCore.Http;

namespace Ctms.Shared.Web;

/// <summary>
/// Page/pageSize pagination for list endpoints: page 1-based, pageSize 1…<see cref="MaxPageSize"/> (default
/// <see cref="DefaultPageSize"/>). Out-of-range values are a 400, never silently clamped, so a client learns its mistake.
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The page asked for, or a 400 problem naming the field at fault.</summary>
    public static bool TryRead(int? page, int? pageSize, out PageRequest request, out IResult? problem)
    {
        request = new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
        var errors = new Dictionary<string, string[]>();
        if (request.Page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        problem = errors.Count == 0 ? null : Microsoft.AspNetCore.Http.Results.ValidationProblem(errors, title: "The request is not valid.");
        return problem is null;
    }
}

/// <summary>Links to the neighbouring pages, absolute paths with the request's other query parameters kept.</summary>
public sealed record PageLinks(string Self, string First, string Last, string? Previous, string? Next);

/// <summary>One page of a list: its items, the total across pages, and links to move around.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, PageLinks Links)
{
    /// <summary>Pages <paramref name="all"/> (already filtered and ordered) for the request.</summary>
    public static PagedList<T> From(IReadOnlyList<T> all, PageRequest request, HttpRequest http)
    {
        var lastPage = Math.Max(1, (int)Math.Ceiling(all.Count / (double)request.PageSize));
        string Link(int page)
        {
            var query = http.Query.Where(q => q.Key is not "page" and not "pageSize")
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"page={page}").Append($"pageSize={request.PageSize}");
            return $"{http.PathBase}{http.Path}?{string.Join('&', query)}";
        }

        return new PagedList<T>(all.Skip(request.Skip).Take(request.PageSize).ToList(), request.Page, request.PageSize, all.Count,
            new PageLinks(Link(request.Page), Link(1), Link(lastPage),
                request.Page > 1 ? Link(Math.Min(request.Page - 1, lastPage)) : null,
                request.Page < lastPage ? Link(request.Page + 1) : null));
    }
}

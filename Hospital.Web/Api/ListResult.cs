namespace Hospital.Web.Api;

/// <summary>Every JSON list: <c>{ "items": [...], "total": n }</c> (issue 2, settings).</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, int Total);

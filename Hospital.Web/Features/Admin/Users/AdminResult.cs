using Microsoft.AspNetCore.Identity;

namespace Hospital.Web.Features.Admin.Users;

/// <summary>A rule broken by an admin action, tied to the form field it concerns ("" = the whole form).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of an admin action on a user: success, or the reasons in Vietnamese.</summary>
public sealed record AdminResult(IReadOnlyList<FieldError> Errors)
{
    public static readonly AdminResult Ok = new([]);
    public bool Succeeded => Errors.Count == 0;

    public static AdminResult Fail(string field, string message) => new([new FieldError(field, message)]);

    /// <summary>Identity's errors (already Vietnamese, VietnameseIdentityErrors) placed on the field they are about.</summary>
    public static AdminResult From(IdentityResult result) =>
        result.Succeeded ? Ok : new(result.Errors.Select(e => new FieldError(FieldOf(e.Code), e.Description)).ToList());

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
        : code.Contains("UserName", StringComparison.Ordinal) ? "UserName"
        : code.Contains("Role", StringComparison.Ordinal) ? "Roles"
        : "";
}

using Microsoft.AspNetCore.Mvc;

namespace Hospital.Web.Api;

/// <summary>RFC 7807 problem details with a Vietnamese title, for every error the JSON API returns.</summary>
public static class ApiProblems
{
    public static string TitleFor(int status) => status switch
    {
        400 => "Dữ liệu gửi lên không hợp lệ",
        401 => "Chưa xác thực: cần đăng nhập hoặc khóa API hợp lệ",
        403 => "Không có quyền truy cập",
        404 => "Không tìm thấy",
        409 => "Xung đột dữ liệu",
        422 => "Dữ liệu không thỏa quy tắc nghiệp vụ",
        429 => "Quá nhiều yêu cầu",
        503 => "Dịch vụ tạm thời không sẵn sàng",
        _ when status >= 500 => "Lỗi hệ thống",
        _ => "Yêu cầu không thực hiện được",
    };

    public static Task Write(HttpContext context, int status, string? detail = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleFor(status),
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
            Instance = context.Request.Path,
        };
        problem.Extensions["requestId"] = context.TraceIdentifier;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }

    /// <summary>
    /// A problem result for endpoint handlers, with the given status also when field
    /// <paramref name="errors"/> are listed (400 for bad shape, 422 for broken rules, 409 for a
    /// conflict) and any <paramref name="extensions"/> a client needs (e.g. the existing record's id).
    /// </summary>
    public static IResult Result(int status, string? detail = null, IDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = TitleFor(status);
        problem.Detail = detail ?? (errors is null ? null : string.Join(" ", errors.Values.SelectMany(m => m)));
        problem.Type = $"https://httpstatuses.io/{status}";
        if (extensions is not null)
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }
}

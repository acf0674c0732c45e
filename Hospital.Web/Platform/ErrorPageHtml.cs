using System.Net;

namespace Hospital.Web.Platform;

/// <summary>
/// A self-contained error page. It is plain HTML on purpose: it must render even when the
/// component pipeline, the database or the sign-in is what failed.
/// </summary>
public static class ErrorPageHtml
{
    public static (string Title, string Text) TextFor(int status) => status switch
        {
            404 => ("Không tìm thấy trang", "Địa chỉ này không tồn tại hoặc đã được chuyển đi."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép mở trang này."),
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng. Hãy tải lại trang và thử lại."),
            _ => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố khi xử lý yêu cầu. Dữ liệu đã lưu không bị mất. Hãy thử lại; nếu lỗi lặp lại, báo bộ phận CNTT kèm mã yêu cầu bên dưới."),
        };

    public static string Render(int status, string requestId)
    {
        var (title, text) = TextFor(status);
        return $$"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{status}} – {{title}}</title>
            <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"></head>
            <body class="bg-light"><main class="container py-5" style="max-width:40rem">
            <h1 class="h3">{{status}} – {{title}}</h1>
            <p class="lead">{{text}}</p>
            <p class="text-muted small">Mã yêu cầu: <code>{{WebUtility.HtmlEncode(requestId)}}</code></p>
            <a class="btn btn-primary" href="/">Về trang chủ</a>
            </main></body></html>
            """;
    }
}

namespace Hospital.Integration.Transport;

/// <summary>
/// One HTTP call to an outside system we cannot control (the BHXH gateway, the national
/// e-prescription system). A refused connection, a timeout or a 5xx answer means "try again
/// later", so it becomes the caller's unavailable exception, which the outbox retries with backoff;
/// any other answer is returned for the caller to read. The messages are Vietnamese because they
/// end up on the staff's screens (outbox board, claim and prescription pages).
/// </summary>
public static class RemoteSystemCall
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string systemName,
        Func<string, Exception?, Exception> unavailable, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw unavailable($"Không kết nối được {systemName} ({request.RequestUri?.GetLeftPart(UriPartial.Authority)}): {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw unavailable($"{systemName} không trả lời trong {http.Timeout.TotalSeconds:0} giây.", ex);
        }
        finally { request.Dispose(); }
        if ((int)response.StatusCode >= 500)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw unavailable($"{systemName} đang lỗi (HTTP {status}).", null);
        }
        return response;
    }

    /// <summary>An answer's text cut to what fits in a message.</summary>
    public static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

using System.Net;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Results;
using Hospital.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Lis.Validation.ValidationTestKit;

namespace Hospital.Tests.Lis.Validation;

/// <summary>The validation screen's live stream: an event for each notice of the result feed.</summary>
public sealed class ValidationStreamTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Stored_analyser_values_reach_the_open_screen_as_an_event(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        var serum = tubes[SpecimenType.Serum];
        using var lab = new WebSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
            { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(WebSession.IsRedirectTo(await lab.SignInAsync("labtech"), "/"));

        // Not an EventSource: answered at once instead of a response that never ends.
        Assert.Equal(HttpStatusCode.BadRequest, (await lab.Client.GetAsync("/lab/validation/stream")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/lab/validation/stream");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await lab.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 3000", await reader.ReadLineAsync());

        Assert.Equal(1, app.Services.GetRequiredService<LabResultFeed>().SubscriberCount);
        await SendAsync(app, "BS1", Value(serum, "GLU", "5.0"));
        Assert.Equal(serum, await NextEventAsync(reader, "results"));
    }

    private static async Task<string> NextEventAsync(StreamReader reader, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? current = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ")) current = line["event: ".Length..];
            else if (line.StartsWith("data: ") && current == name) return line["data: ".Length..];
        }
        throw new InvalidOperationException("The stream ended.");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Platform;

public sealed class ApiAndHealthTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Health_endpoints_answer_without_sign_in(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Readiness_fails_when_the_database_is_gone(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/health/ready")).StatusCode);
        await using (var db = app.Database.NewContext())
            await db.Database.ExecuteSqlRawAsync("DROP TABLE __ef_migrations_history");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await session.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/health")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Api_key_works_until_revoked_then_gets_401_problem_details(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.Add("X-Api-Key", HospitalAppFactory.ApiKey);

        var me = await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Contains("Admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var facility = await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/facility");
        Assert.Equal(5, facility.GetProperty("facilityCode").GetString()!.Length);

        await using (var db = app.Database.NewContext())
        {
            var key = await db.Set<ApiKey>().SingleAsync(k => k.KeyHash == ApiKeySecret.Hash(HospitalAppFactory.ApiKey));
            key.RevokedAt = DateTime.UtcNow;
            key.RevokedBy = "test";
            await db.SaveChangesAsync();
        }
        var refused = await session.Client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("Chưa xác thực", problem.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Unknown_api_path_is_a_json_404_and_unknown_page_a_friendly_Vietnamese_404(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        await session.SignInAsync("doctor");
        var api = await session.Client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var page = await session.Client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Không tìm thấy trang", await page.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task OpenApi_document_describes_the_v1_api(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.Add("X-Api-Key", HospitalAppFactory.ApiKey);
        var doc = await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me", paths);
        Assert.Contains("/api/v1/facility", paths);
    }
}

using System.Net;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Platform;

/// <summary>
/// Every page and API endpoint × every role → the expected allow/deny, and anonymous requests
/// never reach data. The expectations are written here independently of the app's policy
/// table; an endpoint this table does not cover fails the test until someone decides who may use it.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] Everyone = [.. Roles.All];

    /// <summary>Longest matching prefix wins.</summary>
    private static readonly (string Prefix, string[] Roles)[] Access =
    [
        ("/", Everyone),
        ("/account/access-denied", Everyone),
        ("/not-found", Everyone),
        ("/error", Everyone),
        // Blazor's own endpoint for redirects during form handling.
        ("/_framework/opaque-redirect", Everyone),
        ("/reception", [Roles.Reception]),
        ("/clinic", [Roles.Doctor, Roles.Nurse]),
        // Prescription panel fragments (drug search, entry, quantity); its POSTs are for doctors only (PrescriptionPanelTests).
        ("/clinic/visits/1/prescriptions", [Roles.Doctor, Roles.Nurse]),
        // Orders (issue 4): the exam's orders panel fragments and the performing department's text results.
        ("/clinic/visits/1/orders", [Roles.Doctor, Roles.Nurse]),
        ("/clinic/orders", [Roles.Doctor, Roles.Nurse]),
        // Exam page and its htmx parts (issue 4): doctors examine, nurses record vitals.
        ("/clinic/visits", [Roles.Doctor, Roles.Nurse]),
        ("/clinic/icd10", [Roles.Doctor, Roles.Nurse]),
        ("/lab", [Roles.LabTech]),
        ("/pharmacy", [Roles.Pharmacist]),
        // National e-prescription board and its resend (issue 7): pharmacists; doctors see the status on their prescription panel.
        ("/pharmacy/e-prescriptions", [Roles.Pharmacist]),
        // Stock alerts and the monthly stock reports with their Excel export (issue 7 item 4): the pharmacy's own.
        ("/pharmacy/alerts", [Roles.Pharmacist]),
        ("/pharmacy/reports", [Roles.Pharmacist]),
        ("/cashier", [Roles.Cashier]),
        // Cashier (issue 6): a void needs a second person (another cashier or an administrator); administrators open receipt books.
        ("/cashier/voids", [Roles.Cashier, Roles.Admin]),
        ("/cashier/books", [Roles.Cashier, Roles.Admin]),
        ("/insurance", [Roles.InsuranceOfficer]),
        ("/catalogs", [Roles.Admin]),
        ("/admin", [Roles.Admin]),
        ("/api/v1/me", Everyone),
        ("/api/v1/facility", Everyone),
        ("/api/v1/catalogs", Everyone),
        ("/api/v1/openapi.json", Everyone),
        ("/api/v1/admin", [Roles.Admin]),
        ("/api/v1/patients", [Roles.Reception]),
        ("/api/v1/queues", [Roles.Reception, Roles.Doctor, Roles.Nurse]),
        ("/api/v1/visits", [Roles.Reception]),
        // The CV 365 medical-record export of a visit is clinical data: clinic roles, not reception.
        ("/api/v1/visits/1/record.xml", [Roles.Doctor, Roles.Nurse]),
        ("/api/v1/visits/1/record.json", [Roles.Doctor, Roles.Nurse]),
        ("/api/v1/rooms", [Roles.Reception]),
        ("/api/v1/documents", [Roles.Doctor, Roles.Nurse]),
        // The CA certificate our document signatures chain to is public: anyone signed in may fetch it.
        ("/api/v1/documents/signing-ca", Everyone),
        // Lab (issue 5): test catalog, lab orders, specimen receipt.
        ("/api/v1/lab-tests", [Roles.LabTech]),
        ("/api/v1/lab-orders", [Roles.LabTech]),
        ("/api/v1/specimens", [Roles.LabTech]),
        // Analysers (issue 5 items 8–9): live status for the lab; declarations, code maps and the byte journal for admins.
        ("/lab/analysers", [Roles.LabTech]),
        ("/api/v1/analysers", [Roles.LabTech]),
        ("/admin/analysers", [Roles.Admin]),
        // Lab (issue 5): the unmatched results queue and internal QC are the technicians'; QC targets are configuration.
        ("/api/v1/lab-results/unmatched", [Roles.LabTech]),
        ("/lab/unmatched", [Roles.LabTech]),
        ("/lab/qc", [Roles.LabTech]),
        ("/admin/qc-targets", [Roles.Admin]),
        // Lab validation (issue 5 item 11): current results of a tube.
        ("/api/v1/lab-results", [Roles.LabTech]),
        // Billing (issue 6): a visit's statement and its PDF for the cashier, finance and reception; voiding a line is a POST for cashier and finance.
        ("/billing", [Roles.Cashier, Roles.InsuranceOfficer, Roles.Reception]),
        // Claims (issue 6): finance (giám định BHYT) reads the claim list; the board and export live under /insurance.
        ("/api/v1/claims", [Roles.InsuranceOfficer]),
        ("/insurance/staff", [Roles.InsuranceOfficer]),
        // Stock (issue 7): the pharmacy's stores, receipts, transfers, write-offs, counts and on-hand; stores are a catalog (Admin, /catalogs).
        ("/pharmacy/stock", [Roles.Pharmacist]),
        ("/pharmacy/receipts", [Roles.Pharmacist]),
        ("/pharmacy/transfers", [Roles.Pharmacist]),
        ("/pharmacy/write-offs", [Roles.Pharmacist]),
        ("/pharmacy/counts", [Roles.Pharmacist]),
        ("/api/v1/stock", [Roles.Pharmacist]),
        // Dispensing (issue 7): a prescription and what was handed out, for the pharmacy and the doctors who wrote it; dispensing itself (POST) is the pharmacists'.
        ("/api/v1/prescriptions", [Roles.Pharmacist, Roles.Doctor]),
    ];

    /// <summary>Reachable without signing in: the sign-in page, health, the language switch, and display
    /// boards, which open with a board token instead (an unknown token is a 404: Queues/QueueBoardTests).</summary>
    private static readonly string[] Anonymous = ["/account/login", "/health", "/health/ready", "/culture", "/board/"];

    private static readonly Dictionary<string, string> SampleRouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["documentName"] = "v1",
        ["slug"] = "departments",
        ["id"] = "1",
        ["code"] = "404",
        ["roomCode"] = "PK01",
        ["visitId"] = "1",
        ["token"] = "not-a-board-token",
        ["patientId"] = "1",
        ["barcode"] = "0000000000",
        ["orderId"] = "1",
        ["chargeId"] = "1",
        ["name"] = "XN1",
        ["shiftId"] = "1",
    };

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Every_endpoint_allows_exactly_the_expected_roles(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var endpoints = Endpoints(app);
        Assert.NotEmpty(endpoints.Get);

        var sessions = new Dictionary<string, WebSession>();
        foreach (var (user, role, _) in DemoOptions.Users)
        {
            var s = app.NewSession();
            Assert.True(WebSession.IsRedirectTo(await s.SignInAsync(user), "/"), $"{user} could not sign in");
            sessions[role] = s;
        }

        var failures = new List<string>();
        foreach (var url in endpoints.Get.Where(u => !Anonymous.Any(a => u.StartsWith(a))))
        {
            var allowed = AllowedRoles(url);
            if (allowed is null) { failures.Add($"{url}: not in the access table"); continue; }
            foreach (var (role, session) in sessions)
            {
                var response = await session.Client.GetAsync(url);
                var denied = IsDenied(response);
                if (allowed.Contains(role) == denied)
                    failures.Add($"{url} as {role}: expected {(allowed.Contains(role) ? "allow" : "deny")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        foreach (var s in sessions.Values) s.Dispose();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Anonymous_requests_never_reach_data(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var endpoints = Endpoints(app);
        using var anonymous = app.NewSession();
        var failures = new List<string>();
        foreach (var (url, method) in endpoints.Get.Select(u => (u, HttpMethod.Get)).Concat(endpoints.Post.Select(u => (u, HttpMethod.Post))))
        {
            if (Anonymous.Any(a => url.StartsWith(a))) continue;
            var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
            var response = await anonymous.Client.SendAsync(request);
            var ok = url.StartsWith("/api/")
                ? response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : WebSession.IsRedirectTo(response, "/account/login");
            if (!ok) failures.Add($"{method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string[]? AllowedRoles(string url)
    {
        var path = url.Split('?')[0];
        return Access
            .Where(a => a.Prefix == "/" ? path == "/" : path == a.Prefix || path.StartsWith(a.Prefix + "/"))
            .OrderByDescending(a => a.Prefix.Length)
            .Select(a => a.Roles)
            .FirstOrDefault();
    }

    private static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || WebSession.IsRedirectTo(r, "/account/access-denied")
        || WebSession.IsRedirectTo(r, "/account/login");

    private static (List<string> Get, List<string> Post) Endpoints(HospitalAppFactory app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var get = new SortedSet<string>();
        var post = new SortedSet<string>();
        var unknown = new List<string>();
        foreach (var e in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = e.RoutePattern;
            if (pattern.Parameters.Any(p => p.IsCatchAll)) continue;
            var url = Fill(pattern, unknown);
            if (url is null) continue;
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (methods.Contains("GET")) get.Add(url);
            if (methods.Contains("POST")) post.Add(url);
        }
        Assert.True(unknown.Count == 0, "Add sample route values for: " + string.Join(", ", unknown));
        return ([.. get], [.. post]);
    }

    private static string? Fill(RoutePattern pattern, List<string> unknown)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart l: text += l.Content; break;
                    case RoutePatternSeparatorPart s: text += s.Content; break;
                    case RoutePatternParameterPart p when SampleRouteValues.TryGetValue(p.Name, out var v): text += v; break;
                    case RoutePatternParameterPart p: unknown.Add($"{{{p.Name}}} in {pattern.RawText}"); return null;
                }
            }
            segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }
}

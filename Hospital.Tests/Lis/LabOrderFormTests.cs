using AngleSharp.Html.Dom;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Hospital.Tests.Visits;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;

namespace Hospital.Tests.Lis;

/// <summary>The lab's own order form at /lab/orders/new: tests ticked for a patient become labelled tubes, or nothing is stored.</summary>
public sealed class LabOrderFormTests
{
    private static async Task<HttpResponseMessage> SubmitAsync(WebSession lab, string patientCode, bool stat, params string[] tests)
    {
        var (_, page) = await lab.GetPageAsync("/lab/orders/new");
        var form = (IHtmlFormElement)page.QuerySelector("[data-testid=lab-order-form]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.Add(new("PatientCode", patientCode));
        fields.Add(new("Stat", stat ? "true" : "false"));
        fields.AddRange(tests.Select(t => new KeyValuePair<string, string>("Tests", t)));
        return await lab.Client.PostAsync("/lab/orders/new", new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Ticked_tests_become_one_tube_per_specimen_type_with_labels_to_print(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var patient = await VisitTestKit.PatientAsync(app);
        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");

        var response = await SubmitAsync(lab, patient.Code, stat: true, "HH-WBC", "HH-HGB", "SH-GLU");

        Assert.True(WebSession.IsRedirectTo(response, "/lab?printOrder="), response.StatusCode.ToString());
        await using var db = app.Database.NewContext();
        var order = await db.Set<LabOrder>().Include(o => o.Specimens).ThenInclude(s => s.Tests).SingleAsync();
        Assert.Equal((patient.Id, LabOrderSource.LabForm, Hospital.Domain.Clinical.OrderPriority.Stat, "labtech", (int?)null),
            (order.PatientId, order.Source, order.Priority, order.OrderedBy, order.VisitId));
        Assert.Equal([SpecimenType.WholeBloodEdta, SpecimenType.Serum], order.Specimens.Select(s => s.SpecimenType).Order());
        var (_, page) = await lab.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal($"/lab/orders/{order.Id}/labels.pdf", page.QuerySelector("[data-testid=lab-order-labels] a")!.GetAttribute("href"));
        Assert.Contains(order.Specimens[0].Barcode, page.Body!.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_unknown_patient_or_no_test_is_refused_in_vietnamese_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var patient = await VisitTestKit.PatientAsync(app);
        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");

        var unknown = await (await SubmitAsync(lab, "BN-KHONG-CO", false, "SH-GLU")).Content.ReadAsStringAsync();
        var none = await (await SubmitAsync(lab, patient.Code, false)).Content.ReadAsStringAsync();

        Assert.Contains("Không tìm thấy người bệnh có mã BN-KHONG-CO.", unknown);
        Assert.Contains("Chưa chọn xét nghiệm nào", none);
        Assert.Equal(new LabCounts(0, 0, 0), await CountLabAsync(app));
    }
}

using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Web.Features.Audit;
using Hospital.Web.Features.Billing;
using Hospital.Web.Features.BillingReports;
using Hospital.Web.Features.Cashier;
using Hospital.Web.Features.ClaimBoard;
using Hospital.Web.Features.Claims;
using Hospital.Web.Features.Chart;
using Hospital.Web.Features.Clinic;
using Hospital.Web.Features.Documents;
using Hospital.Web.Features.Insurance;
using Hospital.Web.Features.Analysers;
using Hospital.Web.Features.Lab;
using Hospital.Web.Features.LabQc;
using Hospital.Web.Features.LabResults;
using Hospital.Web.Features.LabValidation;
using Hospital.Web.Features.Orders;
using Hospital.Web.Features.Outbox;
using Hospital.Web.Features.Prescriptions;
using Hospital.Web.Features.Queues;
using Hospital.Web.Features.Reception;
using Hospital.Web.Features.Visits;
using Hospital.Web.Features.Stock;
using Hospital.Web.Features.Dispensing;
using Hospital.Web.Features.StockReports;
using Hospital.Web.Features.EPrescriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features;

/// <summary>Each feature folder's services and endpoints, in one list.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddHospitalFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Platform.FacilityProfile>();
        services.AddSingleton<Platform.AdministrativeUnitNames>();
        services.Configure<Demo.DemoOptions>(config.GetSection("Demo"));
        services.AddScoped<Demo.DemoSeeder>();
        services.AddScoped<Demo.DemoFacility>();
        services.AddScoped<Demo.DemoPatients>();
        services.AddScoped<Demo.DemoVisits>();
        services.AddScoped<Demo.DemoExams>();
        services.AddScoped<Demo.DemoLabWork>();
        services.AddScoped<Demo.DemoBilling>();
        services.AddScoped<Demo.ReferenceCatalogLoader>();
        services.AddScoped<Admin.Users.UserAdministration>();
        services.AddScoped<Admin.ApiKeys.ApiKeyAdministration>();
        services.AddSingleton<Admin.ApiKeys.NewKeyHandoff>();
        services.AddSingleton<Catalogs.ImportUploads>();

        // Audit: DatabaseSetup adds every IInterceptor to both the scoped context and the factory.
        services.AddSingleton<IAuditUser, HttpAuditUser>();
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddScoped<AuditTrail>();

        // Outbox: handlers register themselves as IOutboxHandler (scoped) in their own feature.
        services.Configure<OutboxOptions>(config.GetSection("Outbox"));
        services.AddSingleton(new OutboxInstance(OutboxDispatcher.NewInstanceId()));
        services.AddScoped<OutboxWriter>();
        services.AddScoped<OutboxAdministration>();
        services.AddScoped(sp => new OutboxDispatcher(
            sp.GetRequiredService<IDbContextFactory<HospitalDbContext>>(),
            sp.GetServices<IOutboxHandler>(),
            sp.GetRequiredService<IOptions<OutboxOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxDispatcher>>(),
            sp.GetRequiredService<OutboxInstance>().Id));
        services.AddHostedService<OutboxHostedService>();

        services.AddReception(config).AddInsurance(config).AddVisits(config).AddQueues(config);
        services.AddClinic(config).AddOrders(config).AddPrescriptions(config).AddDocuments(config).AddChart(config);
        services.AddLab(config).AddLabResults(config).AddLabValidation(config).AddLabQc(config).AddAnalysers(config);
        services.AddBilling(config).AddCashier(config).AddClaims(config).AddClaimBoard(config).AddBillingReports(config);
        services.AddStock(config).AddDispensing(config).AddStockReports(config).AddEPrescriptions(config);
        return services;
    }

    public static void MapHospitalFeatureEndpoints(this WebApplication app)
    {
        app.MapOutboxEndpoints();
        app.MapReception();
        app.MapInsurance();
        app.MapVisits();
        app.MapQueues();
        app.MapClinic();
        app.MapOrders();
        app.MapPrescriptions();
        app.MapDocuments();
        app.MapChart();
        app.MapLab();
        app.MapLabResults();
        app.MapLabValidation();
        app.MapLabQc();
        app.MapAnalysers();
        app.MapBilling();
        app.MapCashier();
        app.MapClaims();
        app.MapClaimBoard();
        app.MapBillingReports();
        app.MapStock();
        app.MapDispensing();
        app.MapStockReports();
        app.MapEPrescriptions();
    }
}

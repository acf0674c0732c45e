using Hospital.Lis.Specimens;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.Analysers;

/// <summary>Analyser sessions (issue 5 items 8–9): analysers from configuration and the admin screen, each a hosted session over serial or TCP speaking ASTM or HL7, live status, byte journal, host queries and worklist push.</summary>
public static class AnalysersFeature
{
    public static IServiceCollection AddAnalysers(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<AnalyserConfigurationSync>();
        services.AddScoped<AnalyserAdministration>();
        services.AddSingleton<AnalyserStatusBoard>();
        services.AddSingleton<AnalyserJournalWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyserJournalWriter>());
        services.AddSingleton<AnalyserSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyserSessions>());
        services.AddScoped<ISpecimenReceivedListener, AnalyserWorklistPush>();
        services.AddSingleton<IAnalyserDialogue, AstmDialogue>();
        services.AddSingleton<IAnalyserDialogue, Hl7Dialogue>();
        return services;
    }

    public static void MapAnalysers(this WebApplication app)
    {
        AnalysersApi.Map(app.MapGroup("/api/v1").WithTags("Máy xét nghiệm").DisableAntiforgery().RequireAuthorization(HospitalModule.Lab));
    }
}

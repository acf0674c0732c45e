using Hospital.Emr.Documents;
using Hospital.Emr.Documents.Signing;

namespace Hospital.Web.Features.Documents;

/// <summary>Services and endpoints of the Documents feature folder: signed clinical documents, their verification and the signing certificates.</summary>
public static class DocumentsFeature
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<IDocumentSigner, PdfDocumentSigner>();
        services.AddScoped<IClinicalDocumentIssuer, ClinicalDocumentIssuer>();
        services.AddScoped<SignedDocuments>();
        services.AddScoped<SigningCertificateAdministration>();
        services.AddScoped<Demo.DemoSigning>();
        return services;
    }

    public static void MapDocuments(this WebApplication app)
    {
        Emr.Pdf.PdfSetup.Initialize();
        DocumentsApi.Map(app);
        DocumentFiles.Map(app);
    }
}

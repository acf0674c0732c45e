using Hospital.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddHospital();
var app = builder.Build();
await app.UseHospitalAsync();
await app.RunAsync();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

using Ctms.Identity;
using Ctms.Irb;
using Ctms.Reporting;
using Ctms.Shared.Messaging;
using Ctms.Shared.Security;
using Ctms.Sites;
using Ctms.SiteSync;
using Ctms.Subjects;
using Ctms.Trials;
using Ctms.Web.Components;
using Ctms.Web.Hosting;
using MudBlazor.Services;
using Scalar.AspNetCore;

// `audit verify` runs the audit chain verification against the configured database and exits (0 intact, 1 broken);
// `reporting rebuild` recomputes the reporting read model from the owning modules' data and exits.
var auditVerify = AuditCommand.Matches(args);
var reportingRebuild = ReportingCommand.Matches(args);
// `seed --tier XS|S|M [--force]` writes the scale data set of the tier through every module's seeder and exits.
var seed = SeedCommand.Matches(args);
var builder = WebApplication.CreateBuilder(auditVerify || reportingRebuild ? args[2..] : seed ? SeedCommand.HostArgs(args) : args);
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss ";
    o.UseUtcTimestamp = true;
});

SecurityHardening.CheckProductionSettings(builder.Configuration, builder.Environment);
builder.AddCtmsStorage();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCurrentUser();
builder.Services
    .AddTrialsModule()
    .AddSitesModule()
    .AddIrbModule()
    .AddSubjectsModule()
    .AddIdentityModule()
    .AddReportingModule()
    .AddSiteSyncModule();
builder.Services.AddCtmsMessaging(builder.Configuration); // after the modules: it puts their consumers on the bus

builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi("v1");
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddHostedService<StartupTimer>();
builder.Services.AddSingleton<DatabaseReadiness>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseReadiness>());

var app = builder.Build();

if (auditVerify)
{
    return await AuditCommand.RunAsync(app.Services);
}

if (reportingRebuild)
{
    return await ReportingCommand.RunAsync(app.Services);
}

if (seed)
{
    return await SeedCommand.RunAsync(args, app.Services, app.Environment, Console.Out);
}

// Migrations and the demo seed run while the host starts; requests and background work wait for them.
var database = app.Services.GetRequiredService<DatabaseReadiness>();
database.Begin(app.Services, app.Lifetime.ApplicationStopping);
database.UseDatabaseReadiness(app);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts(); // sent on HTTPS responses only
}

app.UseCtmsSecurityHeaders();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseCurrentUser();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapThemeStylesheet();
app.MapCtmsHealth();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapIdentityEndpoints();
app.MapTrialsEndpoints();
app.MapSitesEndpoints();
app.MapSubjectsEndpoints();
app.MapIrbEndpoints();
app.MapReportingEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(ModuleAssemblies.WithPages);

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

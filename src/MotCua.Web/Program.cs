using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using MotCua.Data;
using MotCua.Organization.Domain;
using MotCua.Web.Account;
using MotCua.Web.Components;
using MotCua.Web.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

builder.Services.AddSerilog((services, logging) =>
{
    logging.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
    if (builder.Environment.IsDevelopment())
    {
        logging.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
    }
    else
    {
        logging.WriteTo.Console(new RenderedCompactJsonFormatter());
    }
});

// First hosted service: migrations and seed run before the key ring is read, before the server listens and before the
// modules' background work starts.
builder.Services.AddHostedService<StartupTasks>();

// Development demo: the national document exchange platform's simulator, with a province elsewhere on it.
builder.AddDevelopmentPlatform();

// Modules, in dependency order (architecture.md), from their one list.
foreach (var module in MotCuaModules.All)
{
    module.AddServices(builder.Services, builder.Configuration);
}

builder.Services.AddMotCuaData(builder.Configuration);

builder.Services.AddMotCuaAuth(builder.Configuration);
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = ".MotCua.Antiforgery";
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});

// Behind a reverse proxy (nginx): the client's address (per-address limits, logs) and scheme (Secure cookies, HSTS) come
// from X-Forwarded-For and X-Forwarded-Proto, trusted from loopback and from the proxies listed in ReverseProxy:KnownProxies.
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
    {
        o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});
builder.AddMotCuaDataProtection();
builder.Services.AddScoped<IEmailSender<User>, EmailSender>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<DemoLinked>();
builder.Services.AddScoped<MotCua.Web.Account.PhoneVerification>();

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
    if (context.ProblemDetails.Title is null || context.ProblemDetails.Title.StartsWith("One or more", StringComparison.Ordinal) || context.Exception is null)
    {
        context.ProblemDetails.Title = ProblemExceptionHandler.TitleOf(status);
    }
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

// A body that cannot be read (wrong type, missing field) is thrown to ProblemExceptionHandler, which names the field in
// Vietnamese, instead of a bare 400 written by the endpoint.
builder.Services.Configure<MotCua.Web.Account.CitizenAccountOptions>(builder.Configuration.GetSection(MotCua.Web.Account.CitizenAccountOptions.Section));
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    // A body without a required field, or with null where the contract has no null, is a 400, not a null deep inside.
    o.SerializerOptions.RespectNullableAnnotations = true;
    o.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(o.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        JsonContracts.RequireNonNullableReferences);
});
builder.Services.AddOpenApi();
// Vietnamese text is written as is, not as numeric character references (pages are a third of the size).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();

// Anonymous public pages (procedure pages, QR codes) are cached per node for a minute; catalog changes evict them.
builder.Services.AddOutputCache();
builder.Services.AddHealthChecks().AddDbContextCheck<MotCuaDbContext>("database", tags: ["ready"]);
builder.Services.AddOpenTelemetry()
    .ConfigureResource(r => r.AddService("MotCua"))
    .WithMetrics(metrics =>
    {
        metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("MotCua");
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            metrics.AddOtlpExporter();
        }
    });

var app = builder.Build();

if (Commands.IsCommand(args))
{
    Environment.ExitCode = await Commands.RunAsync(app, args, Console.Out);
    return;
}

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/loi",
    CreateScopeForErrors = true,
    StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,

    // Broken rules and unreadable requests are the caller's, answered with problem details; only real failures are logged as errors.
    SuppressDiagnosticsCallback = context => context.Exception is MotCua.Kernel.Problems.DomainException or BadHttpRequestException,
});
app.UseWhen(context => AuthSetup.IsApi(context.Request), api => api.UseStatusCodePages(async context =>
    await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
        .WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext })));
app.UseWhen(context => !AuthSetup.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/khong-tim-thay", createScopeForStatusCodePages: true));

// Routing after the status-code pages, so that a re-executed request is routed to the not-found page.
app.UseRouting();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("vi-VN"),
    SupportedCultures = [new CultureInfo("vi-VN"), new CultureInfo("en-US")],
    SupportedUICultures = [new CultureInfo("vi-VN"), new CultureInfo("en-US")],
});
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseAntiforgeryFailures();

app.MapStaticAssets();
app.MapOpenApi();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

var api = app.MapGroup("/api/v1");
foreach (var module in MotCuaModules.All)
{
    module.MapRoutes(app, api);
}

app.MapAccount();

app.MapRazorComponents<App>().AddAdditionalAssemblies([.. MotCuaModules.Assemblies]);

await app.RunAsync();

/// <summary>The host; public for WebApplicationFactory in the tests.</summary>
public partial class Program;

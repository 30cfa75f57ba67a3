using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog;
using MotCua.Documents.Signing;
using MotCua.Documents.Exchange;
using MotCua.Documents.Verification;
using MotCua.Dossiers;
using MotCua.Kernel;
using MotCua.Kernel.Modules;
using MotCua.Organization;

namespace MotCua.Documents;

/// <summary>
/// Official documents and signing: registers (incoming handling, outgoing review, numbering, copies), PAdES signatures,
/// dossier results issued as documents, verification of any signed PDF, and the edXML exchange between agencies.
/// </summary>
public sealed class DocumentsModule : IModule
{
    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule), typeof(OrganizationModule), typeof(CatalogModule), typeof(DossiersModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = SigningOptions.From(configuration);
        if (configuration.GetValue<bool>("Seed:DemoAccounts") && options.Keys.Count == 0 && options.Remote.Count == 0)
        {
            var folder = Path.Combine(configuration["Storage:Root"] ?? "data/files", "_demo-keys");
            DemoSigningKeys.AddTo(options, folder);
            services.AddSingleton(new Credentials.DemoKeyFolder(folder));
        }
        else
        {
            services.AddSingleton(new Credentials.DemoKeyFolder(null));
        }

        services.AddSingleton(TrustAnchors.Load(options.TrustAnchors));
        services.AddSingleton(new RevocationLists(options.RevocationLists));
        var remote = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
        services.AddSingleton<ISigningKeyStore>(new SigningKeyStores([new Pkcs12KeyStore(options.Keys), new CscKeyStore(options.Remote, remote)]));
        services.AddSingleton(new CscKeyStore(new Dictionary<string, RemoteKey>(), remote));
        services.AddSingleton(new RemoteServices(options.Services));
        services.AddSingleton<Credentials.TrustCache>();
        services.AddSingleton<Credentials.KeySeal>();
        services.AddScoped<Credentials.SigningTrust>();
        services.AddScoped<Credentials.SigningCredentials>();
        services.AddScoped<Credentials.DemoCredentials>();
        services.AddHostedService<Credentials.ExpirySchedule>();
        services.AddScoped<SignatureCheck>();
        services.AddScoped<Registers.DocumentRegistry>();
        services.AddScoped<Registers.DocumentSigning>();
        services.AddScoped<Registers.SigningDesk>();
        services.AddScoped<Handling.IncomingHandling>();
        services.AddScoped<Kernel.Events.IDirectedWorkSource, Handling.DirectedDocuments>();
        services.Configure<Exchange.ExchangeOptions>(configuration.GetSection(Exchange.ExchangeOptions.Section));
        services.AddScoped<Exchange.ExchangeInbox>();
        services.AddScoped<Exchange.ExchangeOutbox>();
        services.AddHttpClient<Exchange.ExchangeGateway>(c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddHostedService<Exchange.ExchangeRetry>();
        services.AddHttpClient<Exchange.Platform.VxpClient>(c => c.Timeout = TimeSpan.FromSeconds(120));
        services.AddScoped<Exchange.Platform.PlatformInbox>();
        services.AddHostedService<Exchange.Platform.PlatformPolling>();
        services.AddScoped<Dossiers.Processing.IResultIssuer, Registers.ResultIssuer>();
        services.AddScoped<Letters.SignatureSpecimens>();
        services.AddScoped<Letters.ResultLetters>();
        services.AddScoped<Letters.DemoLetters>();

        // Public verification: a fixed window per client address (each check reads a whole file).
        var perMinute = configuration.GetValue($"{SigningOptions.Section}:VerifyPerMinute", 30);
        services.AddRateLimiter(o => o.AddPolicy(VerificationEndpoints.RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) => Credentials.CredentialEndpoints.MapCredentials(Registers.RegisterEndpoints.MapRegisters(Letters.SpecimenEndpoints.MapSpecimens(api.MapVerification().MapExchange())));
}

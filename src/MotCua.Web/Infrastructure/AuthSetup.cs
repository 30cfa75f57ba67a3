using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Data;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Web.Infrastructure;

/// <summary>An OpenID Connect provider for citizens' external sign-in (the national e-ID VNeID is one).</summary>
public sealed class ExternalProviderOptions
{
    public string DisplayName { get; set; } = "VNeID";

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    public List<string> Scopes { get; set; } = ["openid", "profile"];

    /// <summary>The claim that carries the verified full name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim that carries the 12-digit personal identification number.</summary>
    public string PersonalIdClaim { get; set; } = "pid";

    /// <summary>How long a sign-in at the provider may take; a response that comes back later is refused.</summary>
    public TimeSpan RemoteAuthenticationTimeout { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Staff and citizen sign-in: Identity cookies for pages, bearer tokens for integrations, OIDC for VNeID.</summary>
public static class AuthSetup
{
    public const string Scheme = "MotCua";
    public const string ProvidersSection = "Authentication:OpenIdConnect";
    public const string StaffSignInPath = "/can-bo/dang-nhap";
    public const string CitizenSignInPath = "/dang-nhap";

    public static IServiceCollection AddMotCuaAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@";
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddUserConfirmation<Account.AccountConfirmation>()
            .AddSignInManager()
            .AddEntityFrameworkStores<MotCuaDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<MotCuaClaimsFactory>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(Scheme, "MotCua", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        auth.AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".MotCua.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = CitizenSignInPath;
            o.AccessDeniedPath = "/khong-co-quyen";
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                var path = context.Request.Path;
                var target = path.StartsWithSegments("/can-bo") || path.StartsWithSegments("/quan-tri")
                    ? context.RedirectUri.Replace(CitizenSignInPath, StaffSignInPath, StringComparison.Ordinal)
                    : context.RedirectUri;
                context.Response.Redirect(target);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (IsApi(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });

        foreach (var provider in configuration.GetSection(ProvidersSection).GetChildren())
        {
            var settings = provider.Get<ExternalProviderOptions>() ?? new ExternalProviderOptions();
            if (string.IsNullOrWhiteSpace(settings.Authority) || string.IsNullOrWhiteSpace(settings.ClientId))
            {
                continue;
            }

            services.Configure<ExternalProviderOptions>(provider.Key, provider);
            auth.AddOpenIdConnect(provider.Key, settings.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RemoteAuthenticationTimeout = settings.RemoteAuthenticationTimeout;
                o.CallbackPath = "/signin-" + provider.Key;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = false;

                // The code comes back by a top-level GET (response_mode=query), so Lax cookies are sent and also work
                // over plain HTTP on a loopback test host; with HTTPS they are marked Secure as well.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Scope.Clear();
                foreach (var scope in settings.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.ClaimActions.MapUniqueJsonKey(settings.PersonalIdClaim, settings.PersonalIdClaim);
                o.ClaimActions.MapUniqueJsonKey(settings.NameClaim, settings.NameClaim);
                o.TokenValidationParameters.NameClaimType = settings.NameClaim;
                o.Events = new OpenIdConnectEvents
                {
                    OnRemoteFailure = context =>
                    {
                        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ExternalSignIn")
                            .LogWarning(context.Failure, "External sign-in through {Provider} failed", provider.Key);
                        context.Response.Redirect(CitizenSignInPath + "?loi=dinh-danh");
                        context.HandleResponse();
                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
            {
                o.AddPolicy(permission, b => b.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, permission));
            }
        });
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}

/// <summary>Puts the account kind and full name in the sign-in cookie; permissions are added per request.</summary>
internal sealed class MotCuaClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PermissionClaimsTransformation.AccountKindClaim, user.Kind.ToString()));
        identity.AddClaim(new Claim(PermissionClaimsTransformation.FullNameClaim, user.FullName));
        return identity;
    }
}

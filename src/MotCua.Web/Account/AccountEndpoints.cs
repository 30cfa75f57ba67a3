using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Account;

/// <summary>Sign-out, external sign-in (VNeID and other OpenID Connect providers), and tokens for integrations.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dang-xuat", SignOutAsync);
        app.MapGet("/dang-nhap-ngoai/{provider}", Challenge);
        app.MapGet("/dang-nhap-ngoai/ket-qua", ExternalCallbackAsync);

        var api = app.MapGroup("/api/v1/auth").WithTags("Account");
        api.MapPost("/token", TokenAsync).AllowAnonymous();
        api.MapGet("/me", Me).RequireAuthorization();
        return app;
    }

    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record MeDto(Guid Id, string? UserName, string? FullName, string? Kind, IReadOnlyList<string> Permissions);

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<User> signIn, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static Results<ChallengeHttpResult, RedirectHttpResult> Challenge(string provider, string? returnUrl, SignInManager<User> signIn, IConfiguration configuration)
    {
        if (!configuration.GetSection(AuthSetup.ProvidersSection).GetChildren().Any(c => c.Key == provider && !string.IsNullOrEmpty(c["Authority"])))
        {
            return TypedResults.Redirect(AuthSetup.CitizenSignInPath + "?loi=dinh-danh");
        }

        var redirect = "/dang-nhap-ngoai/ket-qua?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl, "/tai-khoan"));
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider, redirect);
        return TypedResults.Challenge(properties, [provider]);
    }

    /// <summary>
    /// Back from the provider with verified claims: sign in the linked account; else link the citizen account
    /// with the same personal identification number (or the one signed in); else create a citizen account.
    /// </summary>
    private static async Task<RedirectHttpResult> ExternalCallbackAsync(
        string? returnUrl, HttpContext http, SignInManager<User> signIn, UserManager<User> users,
        IOptionsMonitor<ExternalProviderOptions> providers, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("ExternalSignIn");
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return TypedResults.Redirect(AuthSetup.CitizenSignInPath + "?loi=dinh-danh");
        }

        var target = LocalOrHome(returnUrl, "/tai-khoan");
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            return TypedResults.LocalRedirect(target);
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            return TypedResults.Redirect(AuthSetup.CitizenSignInPath + "?loi=khoa");
        }

        var settings = providers.Get(info.LoginProvider);
        var pid = info.Principal.FindFirstValue(settings.PersonalIdClaim)?.Trim();
        var name = info.Principal.FindFirstValue(settings.NameClaim)?.Trim();
        if (pid is null || pid.Length != 12 || !pid.All(char.IsAsciiDigit) || string.IsNullOrEmpty(name))
        {
            logger.LogWarning("External sign-in through {Provider} without a valid personal ID or name", info.LoginProvider);
            return TypedResults.Redirect(AuthSetup.CitizenSignInPath + "?loi=thieu-thong-tin");
        }

        var current = http.User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(http.User) : null;
        var user = current is { Kind: AccountKind.Citizen } && (current.PersonalIdNumber is null || current.PersonalIdNumber == pid)
            ? current
            : await users.Users.SingleOrDefaultAsync(u => u.PersonalIdNumber == pid);
        if (user is { Kind: AccountKind.Staff })
        {
            return TypedResults.Redirect(AuthSetup.CitizenSignInPath + "?loi=dinh-danh");
        }

        if (user is null)
        {
            user = new User
            {
                Kind = AccountKind.Citizen,
                UserName = "cd" + pid,
                PersonalIdNumber = pid,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            user.SetFullName(name);
            IdentityErrors(await users.CreateAsync(user));
        }
        else if (user.PersonalIdNumber is null || user.FullName != name)
        {
            user.PersonalIdNumber = pid;
            user.SetFullName(name);
            IdentityErrors(await users.UpdateAsync(user));
        }

        IdentityErrors(await users.AddLoginAsync(user, info));
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        logger.LogInformation("Citizen {UserId} signed in through {Provider}", user.Id, info.LoginProvider);
        return TypedResults.LocalRedirect(target);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> TokenAsync(TokenRequest request, SignInManager<User> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }

        return TypedResults.Problem(
            result.IsLockedOut ? "Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút." : "Tên đăng nhập hoặc mật khẩu không đúng.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: ProblemExceptionHandler.TitleOf(401));
    }

    private static Ok<MeDto> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeDto(
        AgencyScope.UserIdOf(user) ?? Guid.Empty,
        user.Identity?.Name,
        user.FindFirstValue(PermissionClaimsTransformation.FullNameClaim),
        user.FindFirstValue(PermissionClaimsTransformation.AccountKindClaim),
        [.. user.FindAll(Permissions.ClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)]));

    internal static string LocalOrHome(string? url, string home = "/") =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : home;

    private static void IdentityErrors(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)), ProblemKind.Conflict);
        }
    }
}

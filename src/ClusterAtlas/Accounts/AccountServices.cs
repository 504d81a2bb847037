using ClusterAtlas.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Accounts;

public static class AccountServices
{
    /// <summary>Password, lockout and user rules shared by the web host (with cookies) and the CLI (without).</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 12;
        // Length over composition rules (NIST SP 800-63B): a 12-character minimum, no forced character classes.
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Identity without cookies (CLI): user and role managers over the registry database.</summary>
    public static IServiceCollection AddAtlasAccountsCore(this IServiceCollection services)
    {
        services.AddIdentityCore<AtlasUser>(ConfigureIdentity).AddRoles<IdentityRole>().AddEntityFrameworkStores<AtlasDbContext>();
        services.AddAtlasAccountUseCases();
        return services;
    }

    public static IServiceCollection AddAtlasAccountUseCases(this IServiceCollection services)
    {
        services.AddScoped<ApiTokens>();
        services.AddScoped<UserAdmin>();
        return services;
    }
}

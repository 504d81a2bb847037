using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Editing;

public static class EditingServices
{
    public static IServiceCollection AddAtlasEditing(this IServiceCollection services)
    {
        services.AddScoped<ChangeRequests>();
        services.AddScoped<ChangeDecisions>();
        services.AddScoped<ChangeViews>();
        services.AddScoped<RecordHistory>();
        return services;
    }
}

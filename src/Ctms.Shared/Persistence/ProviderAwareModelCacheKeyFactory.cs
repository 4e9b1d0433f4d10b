using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ctms.Shared.Persistence;

/// <summary>
/// The model differs per provider (schemas vs table prefixes), and one process may open the same context on
/// two providers (the integration tests do), so the cached model is keyed by provider too.
/// </summary>
internal sealed class ProviderAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
}

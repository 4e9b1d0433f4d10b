using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ctms.Shared.Documents;

/// <summary>
/// Where uploaded documents (consent forms, protocol files) are kept. Pluggable: the default keeps them in a folder
/// under the data folder; another implementation (object storage) can replace it in DI.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores the content and answers the key to read it back with.</summary>
    Task<string> SaveAsync(string area, string fileName, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The stored content, or null when no document has that key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>Keeps documents in <c>{Storage:DataFolder}/documents/{area}/{guid}-{file name}</c>.</summary>
public sealed class LocalFolderDocumentStore(string root) : IDocumentStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<string> SaveAsync(string area, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var safeArea = Sanitize(area);
        var key = $"{safeArea}/{Guid.NewGuid():N}-{Sanitize(Path.GetFileName(fileName))}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        // A key can never point outside the store (no "../").
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("The document key is not valid.", nameof(key));
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string(name.Select(c => invalid.Contains(c) || c == '/' || c == '\\' ? '_' : c).ToArray()).Trim('.', ' ');
        return cleaned.Length == 0 ? "file" : cleaned;
    }
}

public static class DocumentStoreRegistration
{
    /// <summary>The local-folder store under the data folder, unless another store is registered.</summary>
    public static IServiceCollection AddLocalDocumentStore(this IServiceCollection services)
    {
        services.TryAddSingleton<IDocumentStore>(sp =>
        {
            var configured = sp.GetRequiredService<IConfiguration>()["Storage:DataFolder"];
            var dataFolder = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, "data")
                : configured;
            return new LocalFolderDocumentStore(Path.Combine(Path.GetFullPath(dataFolder), "documents"));
        });
        return services;
    }
}

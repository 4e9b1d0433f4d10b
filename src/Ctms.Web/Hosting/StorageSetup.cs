using Ctms.Shared.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace Ctms.Web.Hosting;

internal static class StorageSetup
{
    /// <summary>
    /// The data folder (<c>Storage:DataFolder</c>, default <c>data/</c> beside the app) holds the SQLite file and
    /// the Data Protection keys, so cookies survive restarts and nothing is written to $HOME.
    /// </summary>
    public static void AddCtmsStorage(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Storage:DataFolder"];
        var dataFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Environment.ContentRootPath, "data")
            : configured);
        Directory.CreateDirectory(dataFolder);

        builder.Services.AddSingleton(DatabaseSettingsReader.Read(builder.Configuration, dataFolder));
        builder.Services.AddSingleton(new StorageSettings(dataFolder));

        var keys = builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine(dataFolder, "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("Ctms")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
    }
}

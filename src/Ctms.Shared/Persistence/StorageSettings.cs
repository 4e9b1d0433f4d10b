namespace Ctms.Shared.Persistence;

/// <summary>The app's data folder (<c>Storage:DataFolder</c>): the SQLite file and the keys live there.</summary>
public sealed record StorageSettings(string DataFolder);

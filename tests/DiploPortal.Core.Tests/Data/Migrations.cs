using DiploPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Tests.Data;

public class Migrations
{
    [Fact]
    public async Task ApplyToAnEmptyDatabase()
    {
        await using var database = await TestPostgres.CreateEmptyAsync();
        await using var db = database.CreateContext();

        // EF Core 9+ also throws here when the model has changes that no migration captures.
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Nations.CountAsync());
    }

    [Fact]
    public async Task CaptureEveryChangeOfTheModel()
    {
        await using var database = await TestPostgres.CreateEmptyAsync();
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: run dotnet ef migrations add.");
    }
}

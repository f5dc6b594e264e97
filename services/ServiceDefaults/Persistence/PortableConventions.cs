using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Uwv.ServiceDefaults.Persistence;

public static class PortableConventions
{
    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset values; store them as UTC ticks there so the same queries work on
    /// both providers. Call at the end of OnModelCreating of every context of the platform.
    /// </summary>
    public static void ApplyPortableConventions(this ModelBuilder modelBuilder, DatabaseFacade database)
    {
        if (!database.IsSqlite())
        {
            return;
        }
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
            {
                property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
            }
        }
    }
}

using DiploPortal.Tools;

// Database chores for DiploPortal: migrate, load reference data, generate demo data.
// Run `dotnet run --project src/DiploPortal.Tools -- help` for the commands.
return await ToolApp.RunAsync(args, Console.Out, Console.Error);

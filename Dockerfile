# DiploPortal container image: docker build -t diploportal .
# Runs on port 8080 as the non-root 'app' user; see docker-compose.yml for a
# ready-made stack with PostgreSQL.

# ---- build -----------------------------------------------------------------------
# global.json asks for SDK 10.0.401 or a newer feature band; the 10.0 tag follows
# the newest 10.0 SDK.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the files that decide packages only, so that a code change
# does not invalidate the (slow) restore layer. Add a project here when the
# portal starts to reference it.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/DiploPortal.Core/DiploPortal.Core.csproj src/DiploPortal.Core/
COPY src/DiploPortal.Web/DiploPortal.Web.csproj src/DiploPortal.Web/
RUN dotnet restore src/DiploPortal.Web/DiploPortal.Web.csproj

COPY . .
# No --no-restore: a restore that is already done costs nothing, and it covers
# a project reference missing from the list above.
RUN dotnet publish src/DiploPortal.Web -c Release -o /app -nologo

# ---- runtime ---------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# The portal may write file logs under its content root; the rest stays read-only.
RUN mkdir -p /app/logs && chown "$APP_UID" /app/logs

ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080
# The 'app' user (uid 1654) ships with .NET 8+ images; the numeric form lets
# Kubernetes' runAsNonRoot verify it.
USER $APP_UID

# No HEALTHCHECK: the aspnet image has no curl or wget. Probe GET /healthz/ready
# from the orchestrator instead.
ENTRYPOINT ["dotnet", "DiploPortal.Web.dll"]

using Uwv.Klantbeeld.Extensions;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("klantbeeld");
builder.AddKlantbeeld();
builder.AddUwvBus("klantbeeld");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapKlantbeeld();
app.Run();

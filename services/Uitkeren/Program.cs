using Uwv.Uitkeren.Extensions;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("uitkeren");
builder.AddUitkeren();
builder.AddUwvBus("uitkeren");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapUitkeren();
app.Run();

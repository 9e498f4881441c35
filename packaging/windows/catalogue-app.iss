; Inno Setup script of the Windows installer. UNTESTED: no Windows machine builds it yet.
; Build first with packaging\windows\build.ps1 (PyInstaller, dist\catalogue-app\), then:
;   iscc /DVersion=0.1.0 packaging\windows\catalogue-app.iss
#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
AppId={{6C1E2B0F-3A51-4F7B-9B52-0E6C1D2A7F10}
AppName=Catalogue
AppVersion={#Version}
AppPublisher=Réseau des musées
DefaultDirName={autopf}\Catalogue
DefaultGroupName=Catalogue
OutputDir=..\..\dist
OutputBaseFilename=catalogue-app-{#Version}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\catalogue-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Catalogue"; Filename: "{app}\catalogue-app.exe"
Name: "{autodesktop}\Catalogue"; Filename: "{app}\catalogue-app.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\catalogue-app.exe"; Description: "{cm:LaunchProgram,Catalogue}"; Flags: nowait postinstall skipifsilent

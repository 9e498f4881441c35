# Windows build, UNTESTED: the one-folder PyInstaller build, then the Inno Setup installer.
# Run from the repository root in PowerShell, with Python 3.11+ and Inno Setup 6 installed.
$ErrorActionPreference = "Stop"
if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -q -e ".[build]"
.venv\Scripts\pyinstaller --noconfirm --workpath build\pyinstaller --distpath dist packaging\catalogue-app.spec
$version = (.venv\Scripts\python -c "import catalogue_app; print(catalogue_app.__version__)")
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DVersion=$version" packaging\windows\catalogue-app.iss

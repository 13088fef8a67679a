import SiteBuild

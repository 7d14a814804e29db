"""The Qt user interface. Everything Qt lives under ui/; core/ and models/ never import it."""
